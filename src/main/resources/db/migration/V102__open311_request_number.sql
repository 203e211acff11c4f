-- The order number is unique already (work orders own it); a second unique constraint here made two
-- listeners writing the same new order at once fail on it instead of meeting at ON CONFLICT (order_id).
ALTER TABLE open311_request DROP CONSTRAINT open311_request_number_key;
CREATE INDEX open311_request_number ON open311_request (number);
