"""Pieces many forms share: the contract line and the usual opening sentence."""

from __future__ import annotations

from tokki_desktop.forms.model import Field

CONTRACT = Field("契約件名", "profile.title")


def intro(article: str, verb: str) -> str:
    """「個人情報取扱特記事項第8条の規定に基づき、下記のとおり報告します。」"""
    return f"{{profile.title}}に係る個人情報取扱特記事項{article}の規定に基づき、下記のとおり{verb}します。"
