"""Renders Markdown from standard input with CommonMark plus GFM tables and strike-through
(markdown-it-py) and prints the HTML."""
import sys
from markdown_it import MarkdownIt

print(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(sys.stdin.read()))
