"""Prints each cell of the first sheet of an .xlsx: reference, type (n number, s text, str
formula text…), whether it holds a formula, and its value. Usage: xlsx_cells.py FILE"""
import re, sys, zipfile
from xml.etree import ElementTree as ET

ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
for c in sheet.iter("{%s}c" % ns["m"]):
    kind = c.get("t", "n")
    formula = c.find("m:f", ns) is not None
    v = c.find("m:v", ns)
    value = v.text if v is not None else ""
    if kind == "s":
        value = shared[int(value)]
    print("\t".join([c.get("r"), kind, "f" if formula else "-", (value or "").replace("\n", "\\n")]))
