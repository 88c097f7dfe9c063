<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="69"/>
        <source>Options (comma separated, extra price after +)</source>
        <translation>Options (comma separated, extra price after +)</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="70"/>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="70"/>
        <source>Several</source>
        <translation>Several</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="72"/>
        <source>Add group</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="73"/>
        <source>Remove group</source>
        <translation>Remove group</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Taste</source>
        <translation>Taste</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="76"/>
        <source>Add-on</source>
        <translation>Add-on</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="115"/>
        <source>Attribute row %1 needs a group name.</source>
        <translation>Attribute row %1 needs a group name.</translation>
    </message>
    <message>
        <location filename="../../ui/attribute_table.py" line="121"/>
        <source>Attribute “%1”: an extra price is not a valid amount.</source>
        <translation>Attribute “%1”: an extra price is not a valid amount.</translation>
    </message>
</context>
<context>
    <name>CategorySidebar</name>
    <message>
        <location filename="../../ui/category_tree.py" line="144"/>
        <source>New category…</source>
        <translation>New category…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="146"/>
        <source>New subcategory…</source>
        <translation>New subcategory…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="148"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="149"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="154"/>
        <source>New category</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="154"/>
        <location filename="../../ui/category_tree.py" line="172"/>
        <source>Category name:</source>
        <translation>Category name:</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="160"/>
        <source>Cannot add the category</source>
        <translation>Cannot add the category</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="172"/>
        <source>Rename category</source>
        <translation>Rename category</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="178"/>
        <source>Cannot rename the category</source>
        <translation>Cannot rename the category</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="189"/>
        <source>Delete the category “%1” and its subcategories?
Its products are kept, without a category.</source>
        <translation>Delete the category “%1” and its subcategories?
Its products are kept, without a category.</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="191"/>
        <source>Delete category</source>
        <translation>Delete category</translation>
    </message>
    <message>
        <location filename="../../ui/category_tree.py" line="196"/>
        <source>Cannot delete the category</source>
        <translation>Cannot delete the category</translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <location filename="../../ui/category_tree.py" line="35"/>
        <location filename="../../ui/category_tree.py" line="80"/>
        <source>All products</source>
        <translation>All products</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="57"/>
        <source>Import a spreadsheet</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="59"/>
        <source>Choose an Excel, WPS or CSV file with your products, menu or sales. You will see what changes before anything is saved.</source>
        <translation>Choose an Excel, WPS or CSV file with your products, menu or sales. You will see what changes before anything is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="61"/>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="62"/>
        <source>or drag the file into this window</source>
        <translation>or drag the file into this window</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="63"/>
        <source>Product photos named by barcode, SKU or name: choose their folder…</source>
        <translation>Product photos named by barcode, SKU or name: choose their folder…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/choose_page.py" line="64"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CountChips</name>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="117"/>
        <source>New {n}</source>
        <translation>New {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="118"/>
        <source>Update {n}</source>
        <translation>Update {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="119"/>
        <source>No change {n}</source>
        <translation>No change {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="120"/>
        <source>Problems {n}</source>
        <translation>Problems {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="123"/>
        <source>Show only the new rows</source>
        <translation>Show only the new rows</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="124"/>
        <source>Show only the rows that update a product</source>
        <translation>Show only the rows that update a product</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="125"/>
        <source>Show only the rows with no change</source>
        <translation>Show only the rows with no change</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="126"/>
        <source>Show only rows with problems</source>
        <translation>Show only rows with problems</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="132"/>
        <source>Show all rows again</source>
        <translation>Show all rows again</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="134"/>
        <source>Next problem (F8)</source>
        <translation>Next problem (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="135"/>
        <source>Go to the next row with a problem. Shift+F8: the one before.</source>
        <translation>Go to the next row with a problem. Shift+F8: the one before.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/chips.py" line="143"/>
        <source>Showing {shown} of %n row(s).</source>
        <translation>
            <numerusform>Showing {shown} of %n row.</numerusform>
            <numerusform>Showing {shown} of %n rows.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/chips.py" line="144"/>
        <source>Show all rows</source>
        <translation>Show all rows</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="16"/>
        <source>Import a spreadsheet</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="17"/>
        <source>Spreadsheets</source>
        <translation>Spreadsheets</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="18"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="25"/>
        <source>Choose the folder of product photos</source>
        <translation>Choose the folder of product photos</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>PortDesk ran into a problem and could not finish what it was doing.
Your saved data is safe. If this happens again, please send the log file to support.</source>
        <translation>PortDesk ran into a problem and could not finish what it was doing.
Your saved data is safe. If this happens again, please send the log file to support.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <source>Log folder: %1</source>
        <translation>Log folder: %1</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../ui/image_strip.py" line="28"/>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="29"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="58"/>
        <source>Add photo…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="59"/>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../ui/image_strip.py" line="100"/>
        <source>Cannot read “%1”: %2</source>
        <translation>Cannot read “%1”: %2</translation>
    </message>
</context>
<context>
    <name>ImportAsks</name>
    <message>
        <location filename="../../ui/import_wizard/asks.py" line="27"/>
        <source>Save the rows to fix</source>
        <translation>Save the rows to fix</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/asks.py" line="28"/>
        <source>Excel workbook</source>
        <translation>Excel workbook</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="19"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="20"/>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="21"/>
        <source>Item no.</source>
        <translation>Item no.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="22"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="23"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="24"/>
        <source>Price of the spec in the header</source>
        <translation>Price of the spec in the header</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="25"/>
        <source>Member price</source>
        <translation>Member price</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="26"/>
        <source>Cost price</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="27"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="28"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="29"/>
        <location filename="../../ui/import_wizard/labels.py" line="53"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="30"/>
        <source>Shelf life (days)</source>
        <translation>Shelf life (days)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="32"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="33"/>
        <source>Spicy level</source>
        <translation>Spicy level</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="34"/>
        <location filename="../../ui/import_wizard/labels.py" line="54"/>
        <source>Flavours</source>
        <translation>Flavours</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="35"/>
        <source>Allergens</source>
        <translation>Allergens</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="36"/>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="37"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="38"/>
        <source>Income</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="39"/>
        <source>Expense</source>
        <translation>Expense</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="40"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="41"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="42"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="43"/>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="44"/>
        <source>In / out</source>
        <translation>In / out</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="45"/>
        <source>Paid by / to</source>
        <translation>Paid by / to</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="46"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="47"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="48"/>
        <source>Transaction type</source>
        <translation>Transaction type</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="49"/>
        <location filename="../../ui/import_wizard/labels.py" line="71"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="50"/>
        <source>Matched by barcode, SKU or name</source>
        <translation>Matched by barcode, SKU or name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="51"/>
        <source>Goes to product</source>
        <translation>Goes to product</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="55"/>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="56"/>
        <source>Sold at the day&apos;s price (时价)</source>
        <translation>Sold at the day&apos;s price (时价)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="57"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="61"/>
        <source>Let PortDesk decide</source>
        <translation>Let PortDesk decide</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="62"/>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="63"/>
        <source>Menu (dishes)</source>
        <translation>Menu (dishes)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="64"/>
        <source>Sales ledger</source>
        <translation>Sales ledger</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="65"/>
        <source>Product photos</source>
        <translation>Product photos</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="72"/>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="73"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="77"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="78"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="79"/>
        <source>No change</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="80"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="92"/>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="158"/>
        <location filename="../../ui/import_wizard/labels.py" line="173"/>
        <location filename="../../ui/import_wizard/labels.py" line="176"/>
        <source>(blank)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="164"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="164"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="166"/>
        <source>off the shelf</source>
        <translation>off the shelf</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/labels.py" line="166"/>
        <source>on sale</source>
        <translation>on sale</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="95"/>
        <location filename="../../ui/import_wizard/history.py" line="96"/>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="98"/>
        <source>Every file and photo folder you imported. Undo puts the products back as they were before that import.</source>
        <translation>Every file and photo folder you imported. Undo puts the products back as they were before that import.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="99"/>
        <source>Nothing has been imported yet.</source>
        <translation>Nothing has been imported yet.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="100"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="102"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="103"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="103"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="132"/>
        <source>Undone {time}</source>
        <translation>Undone {time}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="132"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="141"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="142"/>
        <source>Put everything back as it was before this import</source>
        <translation>Put everything back as it was before this import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="169"/>
        <source>Undo this import</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="170"/>
        <source>Undo the import of “{file}” and put everything back as it was before it?</source>
        <translation>Undo the import of “{file}” and put everything back as it was before it?</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="175"/>
        <source>Undoing…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/history.py" line="178"/>
        <source>The import was undone.</source>
        <translation>The import was undone.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="208"/>
        <location filename="../../ui/import_wizard/wizard.py" line="466"/>
        <source>Import a spreadsheet</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="210"/>
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="211"/>
        <source>This file holds:</source>
        <translation>This file holds:</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="219"/>
        <source>Empty cells clear what is stored (normally empty cells keep the stored value)</source>
        <translation>Empty cells clear what is stored (normally empty cells keep the stored value)</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="220"/>
        <source>Choose another file</source>
        <translation>Choose another file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="221"/>
        <location filename="../../ui/import_wizard/wizard.py" line="809"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="871"/>
        <source>Undo this import</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="337"/>
        <location filename="../../ui/import_wizard/wizard.py" line="342"/>
        <source>Reading “{name}”…</source>
        <translation>Reading “{name}”…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="356"/>
        <location filename="../../ui/import_wizard/wizard.py" line="362"/>
        <source>Checking the rows again…</source>
        <translation>Checking the rows again…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="472"/>
        <source>PortDesk thinks this is: {kind}. {reason}</source>
        <translation>PortDesk thinks this is: {kind}. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="480"/>
        <source>Column titles are on row {row}; {rows} data rows below them.</source>
        <translation>Column titles are on row {row}; {rows} data rows below them.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="483"/>
        <source>No row of column titles was found; columns were guessed from their values.</source>
        <translation>No row of column titles was found; columns were guessed from their values.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="488"/>
        <source>The column choices you confirmed last time for a file like this were used.</source>
        <translation>The column choices you confirmed last time for a file like this were used.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="498"/>
        <source>Nothing to import</source>
        <translation>Nothing to import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="216"/>
        <source>Each column title says what it will be saved as. Yellow titles are a guess: click a title to change it (keyboard: F4 in the grid opens the menu of the current column). Point at a row to see details.</source>
        <translation>Each column title says what it will be saved as. Yellow titles are a guess: click a title to change it (keyboard: F4 in the grid opens the menu of the current column). Point at a row to see details.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="466"/>
        <source>Import product photos</source>
        <translation>Import product photos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="477"/>
        <source>%n photo(s): each goes to the product whose barcode, SKU or name is its file name (a second photo: “name_2”).</source>
        <translation>
            <numerusform>%n photo: each goes to the product whose barcode, SKU or name is its file name (a second photo: “name_2”).</numerusform>
            <numerusform>%n photos: each goes to the product whose barcode, SKU or name is its file name (a second photo: “name_2”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="485"/>
        <source>Left out: %n other row(s) (titles, blank rows, totals).</source>
        <translation>
            <numerusform>Left out: %n other row (titles, blank rows, totals).</numerusform>
            <numerusform>Left out: %n other rows (titles, blank rows, totals).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="500"/>
        <source>Import %n photo(s)</source>
        <translation>
            <numerusform>Import %n photo</numerusform>
            <numerusform>Import %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/wizard.py" line="502"/>
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="517"/>
        <source>All of {sheets}</source>
        <translation>All of {sheets}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="641"/>
        <source>Column “{header}” is:</source>
        <translation>Column “{header}” is:</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="644"/>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="655"/>
        <source>{field} (column {letter})</source>
        <translation>{field} (column {letter})</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="731"/>
        <source>All problems seen: back to the first one.</source>
        <translation>All problems seen: back to the first one.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="732"/>
        <source>All problems seen: back to the last one.</source>
        <translation>All problems seen: back to the last one.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="787"/>
        <source>Importing… Nothing is saved until it has finished.</source>
        <translation>Importing… Nothing is saved until it has finished.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="791"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="792"/>
        <source>Stop importing</source>
        <translation>Stop importing</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="826"/>
        <source>The import was stopped. Nothing was changed.</source>
        <translation>The import was stopped. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="830"/>
        <source>The import did not finish, and nothing was changed.</source>
        <translation>The import did not finish, and nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="838"/>
        <source>{name}-to fix</source>
        <translation>{name}-to fix</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="848"/>
        <location filename="../../ui/import_wizard/wizard.py" line="853"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="872"/>
        <source>Put the products back exactly as they were before this import?</source>
        <translation>Put the products back exactly as they were before this import?</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/wizard.py" line="876"/>
        <location filename="../../ui/import_wizard/wizard.py" line="881"/>
        <source>Undoing…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="57"/>
        <source>column {letter}</source>
        <translation>column {letter}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="58"/>
        <source>columns {letters}</source>
        <translation>columns {letters}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="60"/>
        <source>“{field}” moved from {old} to {new}.</source>
        <translation>“{field}” moved from {old} to {new}.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="67"/>
        <source>Column {letter} is now not imported.</source>
        <translation>Column {letter} is now not imported.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="68"/>
        <source>Columns {letters} are now not imported.</source>
        <translation>Columns {letters} are now not imported.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="71"/>
        <source>Column {letter} is now imported as “{field}”.</source>
        <translation>Column {letter} is now imported as “{field}”.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/moved_note.py" line="73"/>
        <source>Columns {letters} are now imported as “{field}”.</source>
        <translation>Columns {letters} are now imported as “{field}”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>PortDesk – shop assistant</source>
        <translation>PortDesk – shop assistant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>+ New product</source>
        <translation>+ New product</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Import spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Import product &amp;photos…</source>
        <translation>Import product &amp;photos…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>&amp;Export products…</source>
        <translation>&amp;Export products…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Load &amp;demo shop</source>
        <translation>Load &amp;demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Import &amp;history…</source>
        <translation>Import &amp;history…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;Menus and printing…</source>
        <translation>&amp;Menus and printing…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Tables and QR tents…</source>
        <translation>&amp;Tables and QR tents…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Shop &amp;details…</source>
        <translation>Shop &amp;details…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;New product…</source>
        <translation>&amp;New product…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>&amp;Edit product…</source>
        <translation>&amp;Edit product…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Delete product</source>
        <translation>&amp;Delete product</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Show &amp;categories</source>
        <translation>Show &amp;categories</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Open &amp;data folder</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>&amp;About PortDesk</source>
        <translation>&amp;About PortDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Sync: offline</source>
        <translation>Sync: offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>The list can be sorted by name only.</source>
        <translation>The list can be sorted by name only.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="359"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Showing %1 of %2</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="366"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>Counting products…</source>
        <translation>Counting products…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>Delete “%1”?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>Delete %1 products?</source>
        <translation>Delete %1 products?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>You can undo this with Edit › Undo.</source>
        <translation>You can undo this with Edit › Undo.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Delete products</source>
        <translation>Delete products</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="483"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484"/>
        <source>Importing spreadsheets is coming in the next version.
The file you chose: %1</source>
        <translation>Importing spreadsheets is coming in the next version.
The file you chose: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="495"/>
        <source>Exporting products is coming in the next version.</source>
        <translation>Exporting products is coming in the next version.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <source>Export products</source>
        <translation>Export products</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>Exporting products…</source>
        <translation>Exporting products…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>Demo shop</source>
        <translation>Demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="516"/>
        <source>The demo shop is not available in this version.</source>
        <translation>The demo shop is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="518"/>
        <source>Load demo shop</source>
        <translation>Load demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>Add the demo restaurant&apos;s products to this shop?</source>
        <translation>Add the demo restaurant&apos;s products to this shop?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>Loading the demo shop…</source>
        <translation>Loading the demo shop…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>The demo shop is loaded.</source>
        <translation>The demo shop is loaded.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="552"/>
        <source>Could not finish</source>
        <translation>Could not finish</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="582"/>
        <source>About PortDesk</source>
        <translation>About PortDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>&lt;h3&gt;PortDesk %1&lt;/h3&gt;&lt;p&gt;The shop assistant of the Qingdao digital port (数字港商户助手).&lt;/p&gt;&lt;p&gt;Your data stays on this computer: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PortDesk %1&lt;/h3&gt;&lt;p&gt;The shop assistant of the Qingdao digital port (数字港商户助手).&lt;/p&gt;&lt;p&gt;Your data stays on this computer: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MenusAsks</name>
    <message>
        <location filename="../../ui/menus/asks.py" line="38"/>
        <source>Choose a picture</source>
        <translation>Choose a picture</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="39"/>
        <source>Pictures</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="40"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../ui/menus/asks.py" line="53"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>MenusDialog</name>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="80"/>
        <source>Menus and printing</source>
        <translation>Menus and printing</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="94"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="107"/>
        <source>Menus</source>
        <translation>Menus</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="110"/>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="111"/>
        <location filename="../../ui/menus/menu_editor.py" line="145"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="112"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="113"/>
        <source>Shop name, logo, address…</source>
        <translation>Shop name, logo, address…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="114"/>
        <source>Tables and QR tents…</source>
        <translation>Tables and QR tents…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="134"/>
        <source>This address never changes, even when you rename the menu or change its dishes, so QR codes you have printed keep working.</source>
        <translation>This address never changes, even when you rename the menu or change its dishes, so QR codes you have printed keep working.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="144"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="146"/>
        <location filename="../../ui/menus/menu_editor.py" line="159"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="147"/>
        <location filename="../../ui/menus/menu_editor.py" line="160"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="148"/>
        <location filename="../../ui/menus/menu_editor.py" line="161"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="150"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="158"/>
        <source>Add dishes…</source>
        <translation>Add dishes…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="163"/>
        <location filename="../../ui/menus/menu_editor.py" line="366"/>
        <source>Dishes in this section</source>
        <translation>Dishes in this section</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="167"/>
        <source>Prices, member prices, sold-out, spicy and allergen marks come from the products. Drag to change the order.</source>
        <translation>Prices, member prices, sold-out, spicy and allergen marks come from the products. Drag to change the order.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="231"/>
        <source>Cannot create the menu</source>
        <translation>Cannot create the menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="241"/>
        <source>Rename menu</source>
        <translation>Rename menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="241"/>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="253"/>
        <source>Delete menu</source>
        <translation>Delete menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="254"/>
        <source>Delete the menu “%1”? Its products stay in the catalog.</source>
        <translation>Delete the menu “%1”? Its products stay in the catalog.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="268"/>
        <source>No menu yet: press “New…” to make one.</source>
        <translation>No menu yet: press “New…” to make one.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="277"/>
        <source>QR address: %1  (code: %2)</source>
        <translation>QR address: %1  (code: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="296"/>
        <source>Add section</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="296"/>
        <source>Section title (e.g. Seafood, Draft beer):</source>
        <translation>Section title (e.g. Seafood, Draft beer):</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="309"/>
        <source>Rename section</source>
        <translation>Rename section</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="309"/>
        <source>New title:</source>
        <translation>New title:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="320"/>
        <source>Remove section</source>
        <translation>Remove section</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="321"/>
        <source>Remove the section “%1” and its %2 dish(es) from this menu? The products stay in the catalog.</source>
        <translation>Remove the section “%1” and its %2 dish(es) from this menu? The products stay in the catalog.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="366"/>
        <source>Dishes in “%1”</source>
        <translation>Dishes in “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="434"/>
        <source>member %1</source>
        <translation>member %1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="438"/>
        <source>SOLD OUT</source>
        <translation>SOLD OUT</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="440"/>
        <source>(not on sale: hidden on the menu)</source>
        <translation>(not on sale: hidden on the menu)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="444"/>
        <source>Contains: %1</source>
        <translation>Contains: %1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>mild</source>
        <translation>mild</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>medium spicy</source>
        <translation>medium spicy</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="452"/>
        <source>very spicy</source>
        <translation>very spicy</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="472"/>
        <source>Cannot save the menu</source>
        <translation>Cannot save the menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="485"/>
        <source>No tables</source>
        <translation>No tables</translation>
    </message>
    <message>
        <location filename="../../ui/menus/menu_editor.py" line="486"/>
        <source>No table uses this menu yet. Open “Tables and QR tents…” to add tables and choose their menu.</source>
        <translation>No table uses this menu yet. Open “Tables and QR tents…” to add tables and choose their menu.</translation>
    </message>
</context>
<context>
    <name>NewMenuDialog</name>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="27"/>
        <source>New menu</source>
        <translation>New menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="30"/>
        <source>e.g. Dine-in, Takeaway, Beer list</source>
        <translation>e.g. Dine-in, Takeaway, Beer list</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="31"/>
        <source>Fill it from my categories (one section each)</source>
        <translation>Fill it from my categories (one section each)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="32"/>
        <source>Start empty, I add sections myself</source>
        <translation>Start empty, I add sections myself</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="48"/>
        <source>Create menu</source>
        <translation>Create menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="49"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="55"/>
        <source>Menu name:</source>
        <translation>Menu name:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/new_menu.py" line="77"/>
        <source>Please type a name for the menu.</source>
        <translation>Please type a name for the menu.</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../ui/operations.py" line="262"/>
        <source>Please wait</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="262"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="263"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="290"/>
        <source>What happens</source>
        <translation>What happens</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="290"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="319"/>
        <source>Column {letter} “{header}” is not imported.</source>
        <translation>Column {letter} “{header}” is not imported.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="321"/>
        <source>Column {letter} “{header}” looks like “{field}”, but please check.</source>
        <translation>Column {letter} “{header}” looks like “{field}”, but please check.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="323"/>
        <source>Column {letter} “{header}” is imported as “{field}”.</source>
        <translation>Column {letter} “{header}” is imported as “{field}”.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="325"/>
        <source>Click to change.</source>
        <translation>Click to change.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="427"/>
        <source>Column {letter}</source>
        <translation>Column {letter}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="417"/>
        <location filename="../../ui/import_wizard/preview_model.py" line="431"/>
        <source>This row will be added.</source>
        <translation>This row will be added.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="251"/>
        <source>Picture: {kind}, {width} × {height}, {kb} KB</source>
        <translation>Picture: {kind}, {width} × {height}, {kb} KB</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/preview_model.py" line="432"/>
        <source>Already there with the same values: nothing changes.</source>
        <translation>Already there with the same values: nothing changes.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/menus/preview.py" line="73"/>
        <source>Preview (A4)</source>
        <translation>Preview (A4)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="110"/>
        <source>Updating…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="137"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/menus/preview.py" line="153"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/menus/preview.py" line="164"/>
        <source>The preview could not be drawn.</source>
        <translation>The preview could not be drawn.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="122"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="122"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/menus/print_actions.py" line="131"/>
        <source>Laid out %n page(s)</source>
        <translation>
            <numerusform>Laid out %n page</numerusform>
            <numerusform>Laid out %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="134"/>
        <source>Saving the PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="138"/>
        <source>Save pictures into which folder?</source>
        <translation>Save pictures into which folder?</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="146"/>
        <source>Saving pictures…</source>
        <translation>Saving pictures…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="150"/>
        <source>Save the web menu into which folder?</source>
        <translation>Save the web menu into which folder?</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="159"/>
        <source>Saving the web menu…</source>
        <translation>Saving the web menu…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="165"/>
        <source>Preparing the preview…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="173"/>
        <source>Preparing to print…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="192"/>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="214"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="214"/>
        <source>Saved to:
%1</source>
        <translation>Saved to:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="223"/>
        <source>This could not be finished. Your data is safe; please try again.</source>
        <translation>This could not be finished. Your data is safe; please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="225"/>
        <source>Could not finish</source>
        <translation>Could not finish</translation>
    </message>
</context>
<context>
    <name>PrintBar</name>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="236"/>
        <source>A4 menu (several pages)</source>
        <translation>A4 menu (several pages)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="237"/>
        <source>Table tents (A4 folded to A5, one per table)</source>
        <translation>Table tents (A4 folded to A5, one per table)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="238"/>
        <source>Product QR stickers (A4 sheet, 3 × 8)</source>
        <translation>Product QR stickers (A4 sheet, 3 × 8)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="239"/>
        <source>Receipt menu (58 mm thermal paper)</source>
        <translation>Receipt menu (58 mm thermal paper)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="240"/>
        <source>Receipt menu (80 mm thermal paper)</source>
        <translation>Receipt menu (80 mm thermal paper)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="299"/>
        <source>Layout:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="306"/>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="307"/>
        <source>Save pictures…</source>
        <translation>Save pictures…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/print_actions.py" line="307"/>
        <source>Save web menu…</source>
        <translation>Save web menu…</translation>
    </message>
</context>
<context>
    <name>ProblemPhotosModel</name>
    <message>
        <location filename="../../ui/import_wizard/problem_photos.py" line="83"/>
        <source>Photo file</source>
        <translation>Photo file</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/problem_photos.py" line="85"/>
        <source>Why it was not imported</source>
        <translation>Why it was not imported</translation>
    </message>
</context>
<context>
    <name>ProductCommands</name>
    <message>
        <location filename="../../ui/undo.py" line="45"/>
        <source>Add “%1”</source>
        <translation>Add “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="64"/>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="87"/>
        <source>Delete “%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="89"/>
        <source>Delete %1 products</source>
        <translation>Delete %1 products</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/product_editor.py" line="66"/>
        <source>Edit product</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="66"/>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="74"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="75"/>
        <source>Details and photos</source>
        <translation>Details and photos</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="76"/>
        <source>Dish options</source>
        <translation>Dish options</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="84"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="85"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="100"/>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="101"/>
        <source>Dish</source>
        <translation>Dish</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="103"/>
        <source>(No category)</source>
        <translation>(No category)</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="110"/>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="111"/>
        <source>Off shelf</source>
        <translation>Off shelf</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="116"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="116"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="117"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="117"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="118"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="128"/>
        <source>Specs and prices (money in yuan)</source>
        <translation>Specs and prices (money in yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="142"/>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="143"/>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="147"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="148"/>
        <source>Shelf life</source>
        <translation>Shelf life</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="149"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="155"/>
        <source>Sold out today (估清)</source>
        <translation>Sold out today (估清)</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="159"/>
        <source>Allergens</source>
        <translation>Allergens</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="167"/>
        <source>Choices for the guest (taste, method, add-ons)</source>
        <translation>Choices for the guest (taste, method, add-ons)</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="172"/>
        <source>Spicy</source>
        <translation>Spicy</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="205"/>
        <source>Please type the product&apos;s name.</source>
        <translation>Please type the product&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/product_editor.py" line="208"/>
        <source>Please choose or type a unit, e.g. 件 or 斤.</source>
        <translation>Please choose or type a unit, e.g. 件 or 斤.</translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message>
        <location filename="../../ui/menus/picker.py" line="40"/>
        <source>Add dishes and products</source>
        <translation>Add dishes and products</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="44"/>
        <source>Search name, pinyin initials (qdpj), barcode or SKU…</source>
        <translation>Search name, pinyin initials (qdpj), barcode or SKU…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="47"/>
        <source>Tick what to add. Products already in this section are not shown.</source>
        <translation>Tick what to add. Products already in this section are not shown.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="51"/>
        <source>Add ticked</source>
        <translation>Add ticked</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="52"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/menus/picker.py" line="80"/>
        <source>sold out</source>
        <translation>sold out</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../ui/product_model.py" line="68"/>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="68"/>
        <source>Off shelf</source>
        <translation>Off shelf</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="69"/>
        <location filename="../../ui/product_model.py" line="163"/>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="153"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="154"/>
        <source>Specs</source>
        <translation>Specs</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="155"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="156"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="157"/>
        <source>Member price</source>
        <translation>Member price</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="158"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="159"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="160"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="161"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/product_model.py" line="162"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="84"/>
        <location filename="../../ui/import_wizard/result_page.py" line="105"/>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="85"/>
        <source>Save the problem rows to a spreadsheet to fix…</source>
        <translation>Save the problem rows to a spreadsheet to fix…</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="86"/>
        <source>Imported the wrong file? You can put everything back as it was.</source>
        <translation>Imported the wrong file? You can put everything back as it was.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="87"/>
        <source>Undo this import</source>
        <translation>Undo this import</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="88"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="102"/>
        <source>Nothing was imported</source>
        <translation>Nothing was imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="103"/>
        <source>Every row was already there or had a problem.</source>
        <translation>Every row was already there or had a problem.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="106"/>
        <source>Added {new} · Updated {changed} · No change {same}</source>
        <translation>Added {new} · Updated {changed} · No change {same}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="109"/>
        <source>Product photos added: {n}</source>
        <translation>Product photos added: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="111"/>
        <source>Import number: {id}</source>
        <translation>Import number: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="115"/>
        <source>Photos not imported: {n}. Each is listed below with the reason: rename or replace it in the folder, then import the folder again.</source>
        <translation>Photos not imported: {n}. Each is listed below with the reason: rename or replace it in the folder, then import the folder again.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="119"/>
        <source>Rows not imported because of problems: {n}. Save them to a spreadsheet, fix the cells marked there, and import that file again.</source>
        <translation>Rows not imported because of problems: {n}. Save them to a spreadsheet, fix the cells marked there, and import that file again.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_wizard/result_page.py" line="151"/>
        <source>Saved %n row(s) to {path}</source>
        <translation>
            <numerusform>Saved %n row to {path}</numerusform>
            <numerusform>Saved %n rows to {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="156"/>
        <source>The file could not be saved. Is it open in Excel or WPS? Close it and try again.</source>
        <translation>The file could not be saved. Is it open in Excel or WPS? Close it and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="161"/>
        <source>The import was undone</source>
        <translation>The import was undone</translation>
    </message>
    <message>
        <location filename="../../ui/import_wizard/result_page.py" line="162"/>
        <source>Everything is back as it was before the import.</source>
        <translation>Everything is back as it was before the import.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../ui/search_box.py" line="40"/>
        <source>Search name, pinyin initials (qdpj), barcode or SKU…</source>
        <translation>Search name, pinyin initials (qdpj), barcode or SKU…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33"/>
        <source>Larger text (easier to read)</source>
        <translation>Larger text (easier to read)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35"/>
        <source>Changes apply at once.</source>
        <translation>Changes apply at once.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShopInfoDialog</name>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="49"/>
        <source>Shop details</source>
        <translation>Shop details</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="53"/>
        <source>e.g. Old Captain Beer House</source>
        <translation>e.g. Old Captain Beer House</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="54"/>
        <source>e.g. No. 56 Dengzhou Road, Shibei District, Qingdao</source>
        <translation>e.g. No. 56 Dengzhou Road, Shibei District, Qingdao</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="55"/>
        <source>e.g. 0532-8866 1903</source>
        <translation>e.g. 0532-8866 1903</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="56"/>
        <source>e.g. 11:00–02:00</source>
        <translation>e.g. 11:00–02:00</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="66"/>
        <source>Choose picture…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="68"/>
        <source>No logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="78"/>
        <source>Set by the digital port when this PC is paired; QR codes use it.</source>
        <translation>Set by the digital port when this PC is paired; QR codes use it.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="86"/>
        <source>Shop name:</source>
        <translation>Shop name:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="87"/>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="88"/>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="89"/>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="90"/>
        <source>Opening hours:</source>
        <translation>Opening hours:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="91"/>
        <source>QR web address:</source>
        <translation>QR web address:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="94"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="95"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="115"/>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="118"/>
        <source>%1 is not a picture PortDesk can use (PNG or JPEG, under 5 MB).</source>
        <translation>%1 is not a picture PortDesk can use (PNG or JPEG, under 5 MB).</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="133"/>
        <source>Please type the shop&apos;s name: it is printed on every menu.</source>
        <translation>Please type the shop&apos;s name: it is printed on every menu.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/shop_info.py" line="170"/>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>SpecTable</name>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Price ¥</source>
        <translation>Price ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="51"/>
        <source>Member ¥</source>
        <translation>Member ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="52"/>
        <source>Cost ¥</source>
        <translation>Cost ¥</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="52"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="55"/>
        <source>Type 时价 for a dish sold at the day&apos;s price: menus print 时价.</source>
        <translation>Type 时价 for a dish sold at the day&apos;s price: menus print 时价.</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="56"/>
        <source>Add spec</source>
        <translation>Add spec</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="57"/>
        <source>Remove spec</source>
        <translation>Remove spec</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="106"/>
        <source>Spec row %1</source>
        <translation>Spec row %1</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="118"/>
        <source>%1, %2: “%3” is not a valid amount.</source>
        <translation>%1, %2: “%3” is not a valid amount.</translation>
    </message>
    <message>
        <location filename="../../ui/spec_table.py" line="129"/>
        <source>%1: stock “%2” is not a number.</source>
        <translation>%1: stock “%2” is not a number.</translation>
    </message>
</context>
<context>
    <name>TablesDialog</name>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="60"/>
        <source>Tables and QR table tents</source>
        <translation>Tables and QR table tents</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Code (never changes)</source>
        <translation>Code (never changes)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="65"/>
        <source>QR address</source>
        <translation>QR address</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="79"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="82"/>
        <source>Use this menu</source>
        <translation>Use this menu</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="84"/>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="86"/>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="94"/>
        <source>Menu for the selected tables:</source>
        <translation>Menu for the selected tables:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="104"/>
        <source>Print QR table tents for the selected tables (one A4 sheet each, fold in half)</source>
        <translation>Print QR table tents for the selected tables (one A4 sheet each, fold in half)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="109"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="126"/>
        <location filename="../../ui/menus/tables_dialog.py" line="139"/>
        <source>Add tables</source>
        <translation>Add tables</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="129"/>
        <source>e.g. Hall</source>
        <translation>e.g. Hall</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="148"/>
        <source>Area:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="150"/>
        <source>Name before the number:</source>
        <translation>Name before the number:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="152"/>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="154"/>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="156"/>
        <source>Menu:</source>
        <translation>Menu:</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="177"/>
        <location filename="../../ui/menus/tables_dialog.py" line="201"/>
        <source>(no menu)</source>
        <translation>(no menu)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="182"/>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="200"/>
        <source>(choose a menu)</source>
        <translation>(choose a menu)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="209"/>
        <source>Double-click to rename; the code and QR stay the same.</source>
        <translation>Double-click to rename; the code and QR stay the same.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="233"/>
        <source>Cannot add the tables</source>
        <translation>Cannot add the tables</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="248"/>
        <source>Rename table</source>
        <translation>Rename table</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="249"/>
        <source>New name (the code %1 and the printed QR stay the same):</source>
        <translation>New name (the code %1 and the printed QR stay the same):</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="258"/>
        <source>Cannot rename the table</source>
        <translation>Cannot rename the table</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="269"/>
        <location filename="../../ui/menus/tables_dialog.py" line="308"/>
        <source>No tables selected</source>
        <translation>No tables selected</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="269"/>
        <source>Select one or more tables first.</source>
        <translation>Select one or more tables first.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="278"/>
        <source>Remove tables</source>
        <translation>Remove tables</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="279"/>
        <source>Remove %1 table(s)? Their printed QR tents will stop pointing at a table.</source>
        <translation>Remove %1 table(s)? Their printed QR tents will stop pointing at a table.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="292"/>
        <source>%1 table(s) selected</source>
        <translation>%1 table(s) selected</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="299"/>
        <source>“To” must not be smaller than “From”.</source>
        <translation>“To” must not be smaller than “From”.</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="301"/>
        <source>Makes %1 tables: %2 … %3</source>
        <translation>Makes %1 tables: %2 … %3</translation>
    </message>
    <message>
        <location filename="../../ui/menus/tables_dialog.py" line="309"/>
        <source>Select the tables to print tents for (or press “Select all”).</source>
        <translation>Select the tables to print tents for (or press “Select all”).</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../ui/welcome.py" line="60"/>
        <source>Welcome to PortDesk</source>
        <translation>Welcome to PortDesk</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="62"/>
        <source>Your shop has no products yet. Import the product list you keep in Excel or WPS,
or look around first with a demo beer-street restaurant.</source>
        <translation>Your shop has no products yet. Import the product list you keep in Excel or WPS,
or look around first with a demo beer-street restaurant.</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="65"/>
        <source>Load demo shop</source>
        <translation>Load demo shop</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="66"/>
        <source>Import a spreadsheet</source>
        <translation>Import a spreadsheet</translation>
    </message>
</context>
</TS>
