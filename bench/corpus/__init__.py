"""Labelled evaluation corpus for discovery: real schemas, generated values, hand labels.

See README.md in this folder (sources, labelling rules, checksum) and
``bench/discovery_eval.py`` (the harness).
"""
