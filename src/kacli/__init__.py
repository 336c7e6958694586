"""kacli: key-account management (大客户管理) for one salesperson, from the terminal."""

__version__ = "0.1.0"
