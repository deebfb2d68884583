"""Reads an insights workbook with openpyxl, as an analyst's script would, and prints every cell with its type as JSON.

Usage: /usr/bin/python3 read_xlsx.py FILE.xlsx
A cell is [type, value]: openpyxl's data type ("n" number, "s" text, "b" boolean, ...) or null for an empty cell.
"""
import json
import sys
import warnings

import openpyxl

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    book = openpyxl.load_workbook(sys.argv[1])
    sheet = book.worksheets[0]
    rows = [[[None, None] if c.value is None else [c.data_type, c.value] for c in row] for row in sheet.iter_rows()]
print(json.dumps({"sheets": book.sheetnames, "rows": rows, "warnings": [str(w.message) for w in caught]}))
