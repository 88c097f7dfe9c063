"""PortDesk: sync."""
