"""PortDesk: catalog."""
