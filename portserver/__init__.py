"""PortDesk: portserver."""
