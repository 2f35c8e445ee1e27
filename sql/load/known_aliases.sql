-- Surface forms already resolved in earlier runs, so an incremental batch resolves the same way.
SELECT a.entity_id, a.alias, e.label, a.mention_count
  FROM entity_aliases a
  JOIN entities e USING (entity_id)
