"""Tokki Desktop: the contractor's ledger, monitor and forms for 個人情報取扱特記事項."""

__version__ = "0.1.0"
APP_NAME = "TokkiDesktop"
