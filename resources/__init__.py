"""PortDesk: resources."""
