-- the taxonomies' codes with their Chinese and English names, for the bulletin's category labels
SELECT 'events' AS indicator, category_code AS code, name_zh, name_en
FROM dim_event_category
UNION ALL
SELECT 'purchase', service_category_code, name_zh, name_en
FROM dim_service_category
