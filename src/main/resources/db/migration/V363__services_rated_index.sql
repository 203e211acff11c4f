-- 好差评 by month for assessment (ServiceFigures.ratingsByCommunity): the rated applications of a period, without a scan
CREATE INDEX services_application_rated ON services_application (rated_at, community_code) WHERE rating IS NOT NULL;
