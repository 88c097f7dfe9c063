"""PortDesk: desktop."""
