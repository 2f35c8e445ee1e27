-- Report: lines removed by the cleaner, per reason and site.
SELECT reason, site, lines_removed
  FROM v_boilerplate_by_site
 ORDER BY lines_removed DESC, reason, site;
