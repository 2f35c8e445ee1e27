"""Pure transforms, one module per stage. No Dagster imports here: text / polars in, polars out."""
