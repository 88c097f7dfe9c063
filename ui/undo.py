"""Undoable product changes: each command keeps the old and new Product and writes through the store.

The first `redo()` is skipped because the change was already saved (the editor saves first so a
ProductError can be shown in the dialog); undo and later redos write again through the store.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from catalog.models import Product
from catalog.store import Store

# notify(product_ids, listing_changed): views refresh those rows, or reload the listing.
Notify = Callable[[list[str], bool], None]


class _ProductCommand(QUndoCommand):
    def __init__(self, store: Store, notify: Notify, text: str) -> None:
        super().__init__(text)
        self.store = store
        self.notify = notify
        self._first = True

    def redo(self) -> None:
        """Apply the change (skipped the first time: it was already saved)."""
        if self._first:
            self._first = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - overridden
        """Write the change."""
        raise NotImplementedError


class CreateProductCommand(_ProductCommand):
    """A product was created: undo archives it, redo restores it."""

    def __init__(self, store: Store, notify: Notify, product: Product) -> None:
        text = QCoreApplication.translate("ProductCommands", "Add “%1”").replace("%1", product.name)
        super().__init__(store, notify, text)
        self.product_id = product.id

    def apply(self) -> None:
        """Restore the product."""
        self.store.products.set_archived([self.product_id], False)
        self.notify([self.product_id], True)

    def undo(self) -> None:
        """Archive the product again."""
        self.store.products.set_archived([self.product_id], True)
        self.notify([self.product_id], True)


class EditProductCommand(_ProductCommand):
    """A product was edited: undo saves the old version, redo the new one."""

    def __init__(self, store: Store, notify: Notify, old: Product, new: Product) -> None:
        text = QCoreApplication.translate("ProductCommands", "Edit “%1”").replace("%1", new.name)
        super().__init__(store, notify, text)
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)

    def _save(self, product: Product) -> None:
        self.store.products.save(copy.deepcopy(product))
        self.notify([product.id], False)

    def apply(self) -> None:
        """Save the new version."""
        self._save(self.new)

    def undo(self) -> None:
        """Save the old version."""
        self._save(self.old)


class ArchiveProductsCommand(_ProductCommand):
    """Products were deleted (archived): undo restores them."""

    def __init__(self, store: Store, notify: Notify, product_ids: Sequence[str], names: Sequence[str]) -> None:
        if len(names) == 1:
            text = QCoreApplication.translate("ProductCommands", "Delete “%1”").replace("%1", names[0])
        else:
            text = QCoreApplication.translate("ProductCommands", "Delete %1 products").replace("%1", str(len(names)))
        super().__init__(store, notify, text)
        self.product_ids = list(product_ids)

    def apply(self) -> None:
        """Archive the products."""
        self.store.products.set_archived(self.product_ids, True)
        self.notify(self.product_ids, True)

    def undo(self) -> None:
        """Restore the products."""
        self.store.products.set_archived(self.product_ids, False)
        self.notify(self.product_ids, True)
