-- grain: one row per indicator code of the catalogue
-- The indicator catalogue (docs/indicators.md, with units and breakdowns), with bilingual names for readers and
-- BI tools. mart_indicators may not compute every code yet; a code it computes should be here.
SELECT indicator, indicator_name_zh, indicator_name_en, definition_en
FROM (VALUES
    ('units', '社区和村数', 'Communities and villages',
        'village-level units in force at year end, by kind (residents'' / villagers'' committee)'),
    ('office_ok', '办公用房达标率', 'Office-space compliance',
        'communities with office and service space of at least 300 m² / communities reporting it'),
    ('staff_avg', '社区平均专职人员数', 'Staff per community',
        'full-time community staff / communities reporting'),
    ('staff_per_10k', '每万居民社区工作者数', 'Community workers per 10,000 residents',
        'staff / resident population × 10,000'),
    ('social_workers', '持证社会工作者', 'Certified social workers', 'count, and per community'),
    ('volunteer_rate', '注册志愿者比率', 'Registered volunteer rate',
        'registered volunteers / resident population'),
    ('social_orgs', '社区社会组织', 'Community social organizations', 'count, and per community'),
    ('space_per_100hh', '每百户服务用房面积', 'Service space per 100 households',
        'm² / households × 100 (national target at least 30)'),
    ('consult', '协商议事', 'Consultation',
        'platforms, meetings held, matters settled: public affairs, livelihood, disputes'),
    ('purchase', '政府购买服务', 'Purchased services',
        'contract amount in yuan by year of service (pro rata by days), by category and per resident; signed amount by year of signing; projects and providers counted'),
    ('grid', '网格', 'Grids', 'grids in force by level; residents per lowest-level grid'),
    ('events', '网格事件', 'Grid events',
        'events reported in the year (voided ones excluded) per 1,000 residents, by category and channel'),
    ('close_rate', '结案率', 'Closure rate', 'events closed / events registered'),
    ('ontime_rate', '按期结案率', 'On-time closure rate',
        'events closed by their deadline (extensions move it) / events registered'),
    ('rework_rate', '返工率', 'Rework rate', 'events sent back at least once / events registered'),
    ('satisfaction', '满意率', 'Satisfaction rate', 'rated 满意 or 基本满意 / events rated'),
    ('dispose_hours', '处置时长', 'Disposal time', 'median and mean hours from registration to closure'),
    ('disputes', '矛盾纠纷化解', 'Disputes resolved',
        'dispute-category events closed, plus disputes settled by consultation')
) AS catalogue (indicator, indicator_name_zh, indicator_name_en, definition_en)
ORDER BY indicator
