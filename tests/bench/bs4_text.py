#!/usr/bin/python3
"""A page's text as a scraper's BeautifulSoup gives it: get_text("\n", strip=True), each
string of the page on its own line, no blank line, no script or style (Debian's
python3-bs4, with Python's own HTML parser and bs4's guess of the page's charset).

  bs4_text.py PAGE.html > PAGE.txt
"""
import sys

from bs4 import BeautifulSoup

with open(sys.argv[1], "rb") as f:
    soup = BeautifulSoup(f.read(), "html.parser")
sys.stdout.buffer.write(soup.get_text("\n", strip=True).encode("utf-8") + b"\n")
