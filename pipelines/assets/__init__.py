"""Thin Dagster assets, one module per stage: each calls the stage's pure transform."""
