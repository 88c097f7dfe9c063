<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Options (comma separated, extra price after +)</source>
        <translation>选项（用逗号分隔，加价写在 + 后面）</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="70"/>
        <source>Required</source>
        <translation>必选</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="70"/>
        <source>Several</source>
        <translation>可多选</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="72"/>
        <source>Add group</source>
        <translation>添加分组</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="73"/>
        <source>Remove group</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Taste</source>
        <translation>口味</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Method</source>
        <translation>做法</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Add-on</source>
        <translation>加料</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="115"/>
        <source>Attribute row %1 needs a group name.</source>
        <translation>属性第 %1 行需要填写分组名称。</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="121"/>
        <source>Attribute “%1”: an extra price is not a valid amount.</source>
        <translation>属性“%1”：加价不是有效的金额。</translation>
    </message>
</context>
<context>
    <name>CategorySidebar</name>
    <message>
        <location filename="../../ui/category_tree.py" line="144"/>
        <source>New category…</source>
        <translation>新建分类…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="146"/>
        <source>New subcategory…</source>
        <translation>新建子分类…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="148"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="149"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="154"/>
        <source>New category</source>
        <translation>新建分类</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="154"/>
        <location filename="../../ui/category_tree.py" line="172"/>
        <source>Category name:</source>
        <translation>分类名称：</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="160"/>
        <source>Cannot add the category</source>
        <translation>无法添加分类</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="172"/>
        <source>Rename category</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="178"/>
        <source>Cannot rename the category</source>
        <translation>无法重命名分类</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="189"/>
        <source>Delete the category “%1” and its subcategories?
Its products are kept, without a category.</source>
        <translation>删除分类“%1”及其子分类吗？
其中的商品会保留，变为未分类。</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="191"/>
        <source>Delete category</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="196"/>
        <source>Cannot delete the category</source>
        <translation>无法删除分类</translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <location filename="../../ui/category_tree.py" line="35"/>
        <location filename="../../ui/category_tree.py" line="80"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="57"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="59"/>
        <source>Choose an Excel, WPS or CSV file with your products, menu or sales. You will see what changes before anything is saved.</source>
        <translation>请选择记有商品、菜单或销售流水的 Excel、WPS 或 CSV 文件。保存之前会先让您看到哪些内容会变化。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="61"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="62"/>
        <source>or drag the file into this window</source>
        <translation>或把文件拖到这个窗口里</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="63"/>
        <source>Product photos named by barcode, SKU or name: choose their folder…</source>
        <translation>以条码、货号或名称命名的商品图片：选择所在文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="64"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CountChips</name>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="117"/>
        <source>New {n}</source>
        <translation>新增 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="118"/>
        <source>Update {n}</source>
        <translation>更新 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="119"/>
        <source>No change {n}</source>
        <translation>无变化 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="120"/>
        <source>Problems {n}</source>
        <translation>有问题 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="123"/>
        <source>Show only the new rows</source>
        <translation>只看新增的行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="124"/>
        <source>Show only the rows that update a product</source>
        <translation>只看会更新商品的行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="125"/>
        <source>Show only the rows with no change</source>
        <translation>只看无变化的行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="126"/>
        <source>Show only rows with problems</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="132"/>
        <source>Show all rows again</source>
        <translation>重新显示全部行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="134"/>
        <source>Next problem (F8)</source>
        <translation>下一个问题（F8）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="135"/>
        <source>Go to the next row with a problem. Shift+F8: the one before.</source>
        <translation>跳到下一个有问题的行。按 Shift+F8 回到上一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/chips.py" line="143"/>
        <source>Showing {shown} of %n row(s).</source>
        <translation>
            <numerusform>正在显示 %n 行中的 {shown} 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="144"/>
        <source>Show all rows</source>
        <translation>显示全部行</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="16"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="17"/>
        <source>Spreadsheets</source>
        <translation>表格文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="18"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="25"/>
        <source>Choose the folder of product photos</source>
        <translation>选择放商品图片的文件夹</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>PortDesk ran into a problem and could not finish what it was doing.
Your saved data is safe. If this happens again, please send the log file to support.</source>
        <translation>程序遇到问题，没能完成刚才的操作。
已保存的数据是安全的。如果再次出现，请把日志文件发给技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <source>Log folder: %1</source>
        <translation>日志文件夹：%1</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../ui/image_strip.py" line="28"/>
        <source>Choose a photo</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="29"/>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="58"/>
        <source>Add photo…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="59"/>
        <source>Remove photo</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="100"/>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
</context>
<context>
    <name>ImportAsks</name>
    <message>
        <location filename="../../ui/import_wizard/asks.py" line="27"/>
        <source>Save the rows to fix</source>
        <translation>保存需要修改的行</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/asks.py" line="28"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="19"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="20"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="21"/>
        <source>Item no.</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="22"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="23"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="24"/>
        <source>Price of the spec in the header</source>
        <translation>规格价（表头是规格）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="25"/>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="26"/>
        <source>Cost price</source>
        <translation>成本价</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="27"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="28"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="29"/>
        <location filename="../../ui/import_wizard/labels.py" line="53"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="30"/>
        <source>Shelf life (days)</source>
        <translation>保质期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="31"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="32"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="33"/>
        <source>Spicy level</source>
        <translation>辣度</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="34"/>
        <location filename="../../ui/import_wizard/labels.py" line="54"/>
        <source>Flavours</source>
        <translation>口味</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="35"/>
        <source>Allergens</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="36"/>
        <source>Date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="37"/>
        <source>Time of day</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="38"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="39"/>
        <source>Expense</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="40"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="41"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="42"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="43"/>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="44"/>
        <source>In / out</source>
        <translation>收/支</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="45"/>
        <source>Paid by / to</source>
        <translation>交易对方</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="46"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="47"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="48"/>
        <source>Transaction type</source>
        <translation>交易类型</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="49"/>
        <location filename="../../ui/import_wizard/labels.py" line="71"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="50"/>
        <source>Matched by barcode, SKU or name</source>
        <translation>按条码、货号或名称对应</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="51"/>
        <source>Goes to product</source>
        <translation>对应的商品</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="55"/>
        <source>Sold out</source>
        <translation>估清</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="56"/>
        <source>Sold at the day&apos;s price (时价)</source>
        <translation>按时价出售</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="57"/>
        <source>Photos</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="61"/>
        <source>Let PortDesk decide</source>
        <translation>让系统自动判断</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="62"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="63"/>
        <source>Menu (dishes)</source>
        <translation>菜单（菜品）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="64"/>
        <source>Sales ledger</source>
        <translation>销售流水</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="65"/>
        <source>Product photos</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="72"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="73"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="77"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="78"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="79"/>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="80"/>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="92"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="158"/>
        <location filename="../../ui/import_wizard/labels.py" line="173"/>
        <location filename="../../ui/import_wizard/labels.py" line="176"/>
        <source>(blank)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="164"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="164"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="166"/>
        <source>off the shelf</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="166"/>
        <source>on sale</source>
        <translation>在售</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="95"/>
        <location filename="../../ui/import_wizard/history.py" line="96"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="98"/>
        <source>Every file and photo folder you imported. Undo puts the products back as they were before that import.</source>
        <translation>您导入过的每个表格和图片文件夹。撤销会把商品恢复到那次导入之前的样子。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="99"/>
        <source>Nothing has been imported yet.</source>
        <translation>还没有导入过任何表格。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="100"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="103"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="103"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="132"/>
        <source>Undone {time}</source>
        <translation>已于 {time} 撤销</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="132"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="141"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="142"/>
        <source>Put everything back as it was before this import</source>
        <translation>全部恢复到这次导入之前的样子</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="169"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="170"/>
        <source>Undo the import of “{file}” and put everything back as it was before it?</source>
        <translation>撤销“{file}”的导入，把一切恢复到导入之前吗？</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="175"/>
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="178"/>
        <source>The import was undone.</source>
        <translation>导入已撤销。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="208"/>
        <location filename="../../ui/import_wizard/wizard.py" line="466"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="210"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="211"/>
        <source>This file holds:</source>
        <translation>文件内容是：</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="219"/>
        <source>Empty cells clear what is stored (normally empty cells keep the stored value)</source>
        <translation>空白单元格清除已保存的值（默认空白单元格保留原值）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="220"/>
        <source>Choose another file</source>
        <translation>换一个文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="221"/>
        <location filename="../../ui/import_wizard/wizard.py" line="809"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="871"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="337"/>
        <location filename="../../ui/import_wizard/wizard.py" line="342"/>
        <source>Reading “{name}”…</source>
        <translation>正在读取“{name}”…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="356"/>
        <location filename="../../ui/import_wizard/wizard.py" line="362"/>
        <source>Checking the rows again…</source>
        <translation>正在重新检查各行…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="472"/>
        <source>PortDesk thinks this is: {kind}. {reason}</source>
        <translation>系统判断这是：{kind}。{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="480"/>
        <source>Column titles are on row {row}; {rows} data rows below them.</source>
        <translation>列标题在第 {row} 行，下面有 {rows} 行数据。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="483"/>
        <source>No row of column titles was found; columns were guessed from their values.</source>
        <translation>没有找到列标题行，已根据内容猜测各列。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="488"/>
        <source>The column choices you confirmed last time for a file like this were used.</source>
        <translation>已沿用您上次为同类文件确认的列设置。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="498"/>
        <source>Nothing to import</source>
        <translation>没有可导入的内容</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="216"/>
        <source>Each column title says what it will be saved as. Yellow titles are a guess: click a title to change it (keyboard: F4 in the grid opens the menu of the current column). Point at a row to see details.</source>
        <translation>每一列的标题表示它会被保存成什么。黄色标题是系统猜测的：点击标题可以修改（用键盘：在表格里按 F4 打开当前这一列的菜单）。把鼠标移到某一行上可以查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="466"/>
        <source>Import product photos</source>
        <translation>导入商品图片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="477"/>
        <source>%n photo(s): each goes to the product whose barcode, SKU or name is its file name (a second photo: “name_2”).</source>
        <translation>
            <numerusform>%n 张图片：每张给文件名是其条码、货号或名称的商品（同一商品的第二张：“名称_2”）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="485"/>
        <source>Left out: %n other row(s) (titles, blank rows, totals).</source>
        <translation>
            <numerusform>另有 %n 行（标题、空行、合计）未计入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="500"/>
        <source>Import %n photo(s)</source>
        <translation>
            <numerusform>导入 %n 张图片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="502"/>
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="517"/>
        <source>All of {sheets}</source>
        <translation>全部：{sheets}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="641"/>
        <source>Column “{header}” is:</source>
        <translation>列“{header}”是：</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="644"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="655"/>
        <source>{field} (column {letter})</source>
        <translation>{field}（{letter} 列）</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="731"/>
        <source>All problems seen: back to the first one.</source>
        <translation>已看完所有问题，回到第一个。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="732"/>
        <source>All problems seen: back to the last one.</source>
        <translation>已看完所有问题，回到最后一个。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="787"/>
        <source>Importing… Nothing is saved until it has finished.</source>
        <translation>正在导入… 全部完成后才会保存。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="791"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="792"/>
        <source>Stop importing</source>
        <translation>停止导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="826"/>
        <source>The import was stopped. Nothing was changed.</source>
        <translation>导入已停止，没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="830"/>
        <source>The import did not finish, and nothing was changed.</source>
        <translation>导入没有完成，没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="838"/>
        <source>{name}-to fix</source>
        <translation>{name}-待修正</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="848"/>
        <location filename="../../ui/import_wizard/wizard.py" line="853"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="872"/>
        <source>Put the products back exactly as they were before this import?</source>
        <translation>把商品完全恢复到这次导入之前的样子吗？</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="876"/>
        <location filename="../../ui/import_wizard/wizard.py" line="881"/>
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="57"/>
        <source>column {letter}</source>
        <translation>{letter} 列</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="58"/>
        <source>columns {letters}</source>
        <translation>{letters} 列</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="60"/>
        <source>“{field}” moved from {old} to {new}.</source>
        <translation>“{field}”已从 {old}改到 {new}。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="67"/>
        <source>Column {letter} is now not imported.</source>
        <translation>{letter} 列现在不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="68"/>
        <source>Columns {letters} are now not imported.</source>
        <translation>{letters} 列现在不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="71"/>
        <source>Column {letter} is now imported as “{field}”.</source>
        <translation>{letter} 列现在导入为“{field}”。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="73"/>
        <source>Columns {letters} are now imported as “{field}”.</source>
        <translation>{letters} 列现在导入为“{field}”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>PortDesk – shop assistant</source>
        <translation>数字港商户助手</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>+ New product</source>
        <translation>+ 新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>&amp;Import spreadsheet…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Import product &amp;photos…</source>
        <translation>导入商品图片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>&amp;Export products…</source>
        <translation>导出商品(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Load &amp;demo shop</source>
        <translation>加载演示店铺(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;Menus and printing…</source>
        <translation>菜单与打印(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Tables and QR tents…</source>
        <translation>桌台与二维码台卡(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Shop &amp;details…</source>
        <translation>店铺信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;New product…</source>
        <translation>新建商品(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;Edit product…</source>
        <translation>编辑商品(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Delete product</source>
        <translation>删除商品(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Show &amp;categories</source>
        <translation>显示分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>&amp;About PortDesk</source>
        <translation>关于数字港商户助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Sync: offline</source>
        <translation>同步：未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>The list can be sorted by name only.</source>
        <translation>列表只能按名称排序。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="359"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>共 %n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / 共 %2 件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="366"/>
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>Counting products…</source>
        <translation>正在统计商品…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>Delete “%1”?</source>
        <translation>删除“%1”吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>Delete %1 products?</source>
        <translation>删除这 %1 件商品吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>可以用“编辑 › 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Delete products</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484"/>
        <source>Importing spreadsheets is coming in the next version.
The file you chose: %1</source>
        <translation>导入表格功能将在下一个版本提供。
您选择的文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>Exporting products is coming in the next version.</source>
        <translation>导出商品功能将在下一个版本提供。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>Exporting products…</source>
        <translation>正在导出商品…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>The demo shop is not available in this version.</source>
        <translation>这个版本还没有演示店铺。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Load demo shop</source>
        <translation>加载演示店铺</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>Add the demo restaurant&apos;s products to this shop?</source>
        <translation>把演示餐厅的商品加到这个店铺里吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>Loading the demo shop…</source>
        <translation>正在加载演示店铺…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>The demo shop is loaded.</source>
        <translation>演示店铺已加载。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="552"/>
        <source>Could not finish</source>
        <translation>没能完成</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="582"/>
        <source>About PortDesk</source>
        <translation>关于数字港商户助手</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>&lt;h3&gt;PortDesk %1&lt;/h3&gt;&lt;p&gt;The shop assistant of the Qingdao digital port (数字港商户助手).&lt;/p&gt;&lt;p&gt;Your data stays on this computer: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;数字港商户助手 %1&lt;/h3&gt;&lt;p&gt;青岛数字港的商户助手（PortDesk）。&lt;/p&gt;&lt;p&gt;您的数据保存在这台电脑上：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MenusAsks</name>
    <message>
        <location filename="../../ui/menus/asks.py" line="38"/>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="39"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="40"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="53"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>MenusDialog</name>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="80"/>
        <source>Menus and printing</source>
        <translation>菜单与打印</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="107"/>
        <source>Menus</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="110"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="111"/>
        <location filename="../../ui/menus/menu_editor.py" line="145"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="112"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="113"/>
        <source>Shop name, logo, address…</source>
        <translation>店名、标志、地址…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="114"/>
        <source>Tables and QR tents…</source>
        <translation>桌台与二维码台卡…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="134"/>
        <source>This address never changes, even when you rename the menu or change its dishes, so QR codes you have printed keep working.</source>
        <translation>这个网址永远不变，即使菜单改名或换了菜品，已经印好的二维码也能继续使用。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="144"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="146"/>
        <location filename="../../ui/menus/menu_editor.py" line="159"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="147"/>
        <location filename="../../ui/menus/menu_editor.py" line="160"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="148"/>
        <location filename="../../ui/menus/menu_editor.py" line="161"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="150"/>
        <source>Sections</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="158"/>
        <source>Add dishes…</source>
        <translation>添加菜品…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="163"/>
        <location filename="../../ui/menus/menu_editor.py" line="366"/>
        <source>Dishes in this section</source>
        <translation>本分区的菜品</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="167"/>
        <source>Prices, member prices, sold-out, spicy and allergen marks come from the products. Drag to change the order.</source>
        <translation>价格、会员价、估清、辣度和过敏原标记都来自商品资料。拖动可以调整顺序。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="231"/>
        <source>Cannot create the menu</source>
        <translation>无法创建菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="241"/>
        <source>Rename menu</source>
        <translation>重命名菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="241"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="253"/>
        <source>Delete menu</source>
        <translation>删除菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="254"/>
        <source>Delete the menu “%1”? Its products stay in the catalog.</source>
        <translation>删除菜单“%1”吗？其中的商品仍保留在商品库中。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="268"/>
        <source>No menu yet: press “New…” to make one.</source>
        <translation>还没有菜单：点“新建…”做一个。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="277"/>
        <source>QR address: %1  (code: %2)</source>
        <translation>二维码网址：%1（编码：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="296"/>
        <source>Add section</source>
        <translation>添加分区</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="296"/>
        <source>Section title (e.g. Seafood, Draft beer):</source>
        <translation>分区标题（例如：海鲜、扎啤）：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="309"/>
        <source>Rename section</source>
        <translation>重命名分区</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="309"/>
        <source>New title:</source>
        <translation>新标题：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="320"/>
        <source>Remove section</source>
        <translation>移除分区</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="321"/>
        <source>Remove the section “%1” and its %2 dish(es) from this menu? The products stay in the catalog.</source>
        <translation>从菜单中移除分区“%1”及其 %2 个菜品吗？商品仍保留在商品库中。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="366"/>
        <source>Dishes in “%1”</source>
        <translation>“%1”中的菜品</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="434"/>
        <source>member %1</source>
        <translation>会员 %1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="438"/>
        <source>SOLD OUT</source>
        <translation>已估清</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="440"/>
        <source>(not on sale: hidden on the menu)</source>
        <translation>（未上架：菜单上不显示）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="444"/>
        <source>Contains: %1</source>
        <translation>含：%1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>mild</source>
        <translation>微辣</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>medium spicy</source>
        <translation>中辣</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>very spicy</source>
        <translation>特辣</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="472"/>
        <source>Cannot save the menu</source>
        <translation>无法保存菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="485"/>
        <source>No tables</source>
        <translation>没有桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="486"/>
        <source>No table uses this menu yet. Open “Tables and QR tents…” to add tables and choose their menu.</source>
        <translation>还没有桌台使用这个菜单。请打开“桌台与二维码台卡…”添加桌台并选择菜单。</translation>
    </message>
</context>
<context>
    <name>NewMenuDialog</name>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="27"/>
        <source>New menu</source>
        <translation>新建菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="30"/>
        <source>e.g. Dine-in, Takeaway, Beer list</source>
        <translation>例如：堂食、外卖、啤酒单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="31"/>
        <source>Fill it from my categories (one section each)</source>
        <translation>按我的商品分类生成（每个分类一个分区）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="32"/>
        <source>Start empty, I add sections myself</source>
        <translation>从空白开始，我自己添加分区</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="48"/>
        <source>Create menu</source>
        <translation>创建菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="55"/>
        <source>Menu name:</source>
        <translation>菜单名称：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="77"/>
        <source>Please type a name for the menu.</source>
        <translation>请输入菜单名称。</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../ui/operations.py" line="262"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="262"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="263"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="290"/>
        <source>What happens</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="290"/>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="319"/>
        <source>Column {letter} “{header}” is not imported.</source>
        <translation>第 {letter} 列“{header}”不导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="321"/>
        <source>Column {letter} “{header}” looks like “{field}”, but please check.</source>
        <translation>第 {letter} 列“{header}”看起来是“{field}”，请确认。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="323"/>
        <source>Column {letter} “{header}” is imported as “{field}”.</source>
        <translation>第 {letter} 列“{header}”导入为“{field}”。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="325"/>
        <source>Click to change.</source>
        <translation>点击可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="427"/>
        <source>Column {letter}</source>
        <translation>第 {letter} 列</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="417"/>
        <location filename="../../ui/import_wizard/preview_model.py" line="431"/>
        <source>This row will be added.</source>
        <translation>这一行将被新增。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="251"/>
        <source>Picture: {kind}, {width} × {height}, {kb} KB</source>
        <translation>图片：{kind}，{width} × {height}，{kb} KB</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="432"/>
        <source>Already there with the same values: nothing changes.</source>
        <translation>已存在且内容相同：不会改变。</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/menus/preview.py" line="73"/>
        <source>Preview (A4)</source>
        <translation>预览（A4）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="110"/>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="137"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/menus/preview.py" line="153"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="164"/>
        <source>The preview could not be drawn.</source>
        <translation>无法绘制预览。</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="122"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="122"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/menus/print_actions.py" line="131"/>
        <source>Laid out %n page(s)</source>
        <translation>
            <numerusform>已排版 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="134"/>
        <source>Saving the PDF…</source>
        <translation>正在保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="138"/>
        <source>Save pictures into which folder?</source>
        <translation>图片保存到哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="146"/>
        <source>Saving pictures…</source>
        <translation>正在保存图片…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="150"/>
        <source>Save the web menu into which folder?</source>
        <translation>网页菜单保存到哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="159"/>
        <source>Saving the web menu…</source>
        <translation>正在保存网页菜单…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="165"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="173"/>
        <source>Preparing to print…</source>
        <translation>正在准备打印…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="192"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="214"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="214"/>
        <source>Saved to:
%1</source>
        <translation>已保存到：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="223"/>
        <source>This could not be finished. Your data is safe; please try again.</source>
        <translation>没能完成。您的数据是安全的，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="225"/>
        <source>Could not finish</source>
        <translation>没能完成</translation>
    </message>
</context>
<context>
    <name>PrintBar</name>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="236"/>
        <source>A4 menu (several pages)</source>
        <translation>A4 菜单（多页）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="237"/>
        <source>Table tents (A4 folded to A5, one per table)</source>
        <translation>桌台台卡（A4 对折成 A5，每桌一张）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="238"/>
        <source>Product QR stickers (A4 sheet, 3 × 8)</source>
        <translation>商品二维码贴纸（A4，3 × 8）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="239"/>
        <source>Receipt menu (58 mm thermal paper)</source>
        <translation>小票菜单（58 毫米热敏纸）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="240"/>
        <source>Receipt menu (80 mm thermal paper)</source>
        <translation>小票菜单（80 毫米热敏纸）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="299"/>
        <source>Layout:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="307"/>
        <source>Save pictures…</source>
        <translation>保存图片…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="307"/>
        <source>Save web menu…</source>
        <translation>保存网页菜单…</translation>
    </message>
</context>
<context>
    <name>ProblemPhotosModel</name>
    <message>
        <location filename="../../ui/import_wizard/problem_photos.py" line="83"/>
        <source>Photo file</source>
        <translation>图片文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/problem_photos.py" line="85"/>
        <source>Why it was not imported</source>
        <translation>未导入的原因</translation>
    </message>
</context>
<context>
    <name>ProductCommands</name>
    <message>
        <location filename="../../ui/undo.py" line="45"/>
        <source>Add “%1”</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="64"/>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="87"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="89"/>
        <source>Delete %1 products</source>
        <translation>删除 %1 件商品</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/product_editor.py" line="66"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="66"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="74"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="75"/>
        <source>Details and photos</source>
        <translation>详情与图片</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="76"/>
        <source>Dish options</source>
        <translation>菜品选项</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="84"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="100"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="101"/>
        <source>Dish</source>
        <translation>菜品</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="103"/>
        <source>(No category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="110"/>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="111"/>
        <source>Off shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="116"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="116"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="117"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="117"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="128"/>
        <source>Specs and prices (money in yuan)</source>
        <translation>规格与价格（金额单位：元）</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="142"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="143"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="147"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="148"/>
        <source>Shelf life</source>
        <translation>保质期</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="149"/>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="155"/>
        <source>Sold out today (估清)</source>
        <translation>今日估清</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="159"/>
        <source>Allergens</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="167"/>
        <source>Choices for the guest (taste, method, add-ons)</source>
        <translation>顾客可选（口味、做法、加料）</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="172"/>
        <source>Spicy</source>
        <translation>辣度</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="205"/>
        <source>Please type the product&apos;s name.</source>
        <translation>请输入商品名称。</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="208"/>
        <source>Please choose or type a unit, e.g. 件 or 斤.</source>
        <translation>请选择或输入单位，例如：件、斤。</translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message>
        <location filename="../../ui/menus/picker.py" line="40"/>
        <source>Add dishes and products</source>
        <translation>添加菜品和商品</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="44"/>
        <source>Search name, pinyin initials (qdpj), barcode or SKU…</source>
        <translation>搜索名称、拼音首字母（qdpj）、条码或货号…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="47"/>
        <source>Tick what to add. Products already in this section are not shown.</source>
        <translation>勾选要添加的项目。本分区已有的商品不再显示。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="51"/>
        <source>Add ticked</source>
        <translation>添加已勾选</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="52"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="80"/>
        <source>sold out</source>
        <translation>估清</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../ui/product_model.py" line="68"/>
        <source>On sale</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="68"/>
        <source>Off shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="69"/>
        <location filename="../../ui/product_model.py" line="163"/>
        <source>Sold out</source>
        <translation>估清</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="153"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="154"/>
        <source>Specs</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="155"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="156"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="157"/>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="158"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="159"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="160"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="161"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="162"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="84"/>
        <location filename="../../ui/import_wizard/result_page.py" line="105"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="85"/>
        <source>Save the problem rows to a spreadsheet to fix…</source>
        <translation>把有问题的行保存为表格，修改后再导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="86"/>
        <source>Imported the wrong file? You can put everything back as it was.</source>
        <translation>导错了文件？可以把一切恢复原样。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="87"/>
        <source>Undo this import</source>
        <translation>撤销这次导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="88"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="102"/>
        <source>Nothing was imported</source>
        <translation>没有导入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="103"/>
        <source>Every row was already there or had a problem.</source>
        <translation>每一行都已存在或有问题。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="106"/>
        <source>Added {new} · Updated {changed} · No change {same}</source>
        <translation>新增 {new} · 更新 {changed} · 无变化 {same}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="109"/>
        <source>Product photos added: {n}</source>
        <translation>新增商品图片：{n} 张</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="111"/>
        <source>Import number: {id}</source>
        <translation>导入编号：{id}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="115"/>
        <source>Photos not imported: {n}. Each is listed below with the reason: rename or replace it in the folder, then import the folder again.</source>
        <translation>未导入的图片：{n} 张，下面列出了每张的原因。请在文件夹里给它们改名或换成能用的图片，再导入这个文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="119"/>
        <source>Rows not imported because of problems: {n}. Save them to a spreadsheet, fix the cells marked there, and import that file again.</source>
        <translation>因有问题未导入的行：{n} 行。请把它们保存为表格，改正标出的单元格，再导入这个文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/result_page.py" line="151"/>
        <source>Saved %n row(s) to {path}</source>
        <translation>
            <numerusform>已把 %n 行保存到 {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="156"/>
        <source>The file could not be saved. Is it open in Excel or WPS? Close it and try again.</source>
        <translation>文件无法保存。是否正在 Excel 或 WPS 中打开？请关闭后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="161"/>
        <source>The import was undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="162"/>
        <source>Everything is back as it was before the import.</source>
        <translation>一切已恢复到导入之前。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/search_box.py" line="40"/>
        <source>Search name, pinyin initials (qdpj), barcode or SKU…</source>
        <translation>搜索名称、拼音首字母（qdpj）、条码或货号…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Larger text (easier to read)</source>
        <translation>大字体（看得更清楚）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35"/>
        <source>Changes apply at once.</source>
        <translation>修改立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Text size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ShopInfoDialog</name>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="49"/>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="53"/>
        <source>e.g. Old Captain Beer House</source>
        <translation>例如：老船长啤酒屋</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="54"/>
        <source>e.g. No. 56 Dengzhou Road, Shibei District, Qingdao</source>
        <translation>例如：青岛市市北区登州路 56 号</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="55"/>
        <source>e.g. 0532-8866 1903</source>
        <translation>例如：0532-8866 1903</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="56"/>
        <source>e.g. 11:00–02:00</source>
        <translation>例如：11:00–02:00</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="66"/>
        <source>Choose picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="68"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="78"/>
        <source>Set by the digital port when this PC is paired; QR codes use it.</source>
        <translation>这台电脑与数字港配对后自动设置；二维码会用到它。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="86"/>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="87"/>
        <source>Logo:</source>
        <translation>标志：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="88"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="89"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="90"/>
        <source>Opening hours:</source>
        <translation>营业时间：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="91"/>
        <source>QR web address:</source>
        <translation>二维码网址：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="94"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="115"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="118"/>
        <source>%1 is not a picture PortDesk can use (PNG or JPEG, under 5 MB).</source>
        <translation>%1 不是可用的图片（需为 PNG 或 JPEG，小于 5 MB）。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="133"/>
        <source>Please type the shop&apos;s name: it is printed on every menu.</source>
        <translation>请输入店名：每份菜单上都会印出来。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="170"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>SpecTable</name>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Price ¥</source>
        <translation>售价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Member ¥</source>
        <translation>会员价 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="52"/>
        <source>Cost ¥</source>
        <translation>成本 ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="52"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="55"/>
        <source>Type 时价 for a dish sold at the day&apos;s price: menus print 时价.</source>
        <translation>按当天价格出售的菜，售价填“时价”：菜单上印“时价”。</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="56"/>
        <source>Add spec</source>
        <translation>添加规格</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="57"/>
        <source>Remove spec</source>
        <translation>删除规格</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="106"/>
        <source>Spec row %1</source>
        <translation>规格第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="118"/>
        <source>%1, %2: “%3” is not a valid amount.</source>
        <translation>%1，%2：“%3”不是有效的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="129"/>
        <source>%1: stock “%2” is not a number.</source>
        <translation>%1：库存“%2”不是数字。</translation>
    </message>
</context>
<context>
    <name>TablesDialog</name>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="60"/>
        <source>Tables and QR table tents</source>
        <translation>桌台与二维码台卡</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Table</source>
        <translation>桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Code (never changes)</source>
        <translation>编码（永不改变）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>QR address</source>
        <translation>二维码网址</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="79"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="82"/>
        <source>Use this menu</source>
        <translation>使用这个菜单</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="84"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="86"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="94"/>
        <source>Menu for the selected tables:</source>
        <translation>所选桌台的菜单：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="104"/>
        <source>Print QR table tents for the selected tables (one A4 sheet each, fold in half)</source>
        <translation>为所选桌台打印二维码台卡（每桌一张 A4，对折）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="109"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="126"/>
        <location filename="../../ui/menus/tables_dialog.py" line="139"/>
        <source>Add tables</source>
        <translation>添加桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="129"/>
        <source>e.g. Hall</source>
        <translation>例如：大厅</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="148"/>
        <source>Area:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="150"/>
        <source>Name before the number:</source>
        <translation>编号前的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="152"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="154"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="156"/>
        <source>Menu:</source>
        <translation>菜单：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="177"/>
        <location filename="../../ui/menus/tables_dialog.py" line="201"/>
        <source>(no menu)</source>
        <translation>（无菜单）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="182"/>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="200"/>
        <source>(choose a menu)</source>
        <translation>（选择菜单）</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="209"/>
        <source>Double-click to rename; the code and QR stay the same.</source>
        <translation>双击可改名；编码和二维码保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="233"/>
        <source>Cannot add the tables</source>
        <translation>无法添加桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="248"/>
        <source>Rename table</source>
        <translation>重命名桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="249"/>
        <source>New name (the code %1 and the printed QR stay the same):</source>
        <translation>新名称（编码 %1 和已印的二维码保持不变）：</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="258"/>
        <source>Cannot rename the table</source>
        <translation>无法重命名桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="269"/>
        <location filename="../../ui/menus/tables_dialog.py" line="308"/>
        <source>No tables selected</source>
        <translation>没有选择桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="269"/>
        <source>Select one or more tables first.</source>
        <translation>请先选择一个或多个桌台。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="278"/>
        <source>Remove tables</source>
        <translation>移除桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="279"/>
        <source>Remove %1 table(s)? Their printed QR tents will stop pointing at a table.</source>
        <translation>移除 %1 个桌台吗？已印好的二维码台卡将不再对应桌台。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="292"/>
        <source>%1 table(s) selected</source>
        <translation>已选 %1 个桌台</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="299"/>
        <source>“To” must not be smaller than “From”.</source>
        <translation>“到”不能小于“从”。</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="301"/>
        <source>Makes %1 tables: %2 … %3</source>
        <translation>将生成 %1 个桌台：%2 … %3</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="309"/>
        <source>Select the tables to print tents for (or press “Select all”).</source>
        <translation>请选择要打印台卡的桌台（或点“全选”）。</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../ui/welcome.py" line="60"/>
        <source>Welcome to PortDesk</source>
        <translation>欢迎使用数字港商户助手</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="62"/>
        <source>Your shop has no products yet. Import the product list you keep in Excel or WPS,
or look around first with a demo beer-street restaurant.</source>
        <translation>店里还没有商品。可以导入您用 Excel 或 WPS 记的商品表，
也可以先用一家啤酒街演示餐厅看看效果。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="65"/>
        <source>Load demo shop</source>
        <translation>加载演示店铺</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="66"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
</context>
</TS>
