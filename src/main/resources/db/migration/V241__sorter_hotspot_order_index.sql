-- The queue marks the orders of open hot spots on each page: looked up by order.
CREATE INDEX sorter_hotspot_order_order ON sorter_hotspot_order (order_id);
