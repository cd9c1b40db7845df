-- one row per indicator of the catalogue: its names and definition, as dim_indicator publishes them
SELECT indicator, indicator_name_zh, indicator_name_en, definition_en
FROM dim_indicator
ORDER BY indicator
