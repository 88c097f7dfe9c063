"""PortDesk: ui."""
