"""Menus, shop details, tables and printing (文件 > 菜单与打印 …).

    MenusDialog(store_path)      the shop's menus: sections, dishes, live A4 preview, print bar
    TablesDialog(store_path)     tables and areas, their menus and QR codes, table tents
    ShopInfoDialog(store_path)   shop name, logo, address, phone, hours
    PrintActions(store_path, parent_widget, runner=None)
                                 save_pdf / save_png / save_html / print_preview / print
                                 for a PrintRequest(template, menu_id, table_ids)
"""

from ui.menus.documents import PrintRequest, build_document
from ui.menus.menu_editor import MenusDialog
from ui.menus.print_actions import PrintActions, PrintBar, configure_printer
from ui.menus.shop_info import ShopInfoDialog
from ui.menus.tables_dialog import TablesDialog

__all__ = [
    "MenusDialog", "PrintActions", "PrintBar", "PrintRequest", "ShopInfoDialog", "TablesDialog",
    "build_document", "configure_printer",
]
