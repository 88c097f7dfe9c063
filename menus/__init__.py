"""PortDesk menus: printable QR menus, table tents, stickers, thermal strips and HTML.

Qt-free: `menus.model`, `menus.money`, `menus.urls`, `menus.html`.
Qt (QtGui only, never QtWidgets): `menus.render` and the layout engine behind it.
"""
