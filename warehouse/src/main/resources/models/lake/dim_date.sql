-- grain: one row per calendar day the facts can fall on
CREATE TABLE dim_date (
    date_key INTEGER NOT NULL,
    date DATE NOT NULL,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL,
    month INTEGER NOT NULL,
    day INTEGER NOT NULL,
    day_of_week INTEGER NOT NULL,
    is_weekend BOOLEAN NOT NULL,
    date_zh VARCHAR,
    weekday_zh VARCHAR,
    weekday_en VARCHAR,
    month_zh VARCHAR,
    quarter_zh VARCHAR
);
