-- Liaison schema, version 7: the customer sites (with their allowed origins and destinations) and the dial plan,
-- edited by admins through the REST API. On the first start of a database they are filled from the configuration
-- (liaison.sites.*, liaison.dial-plan.destinations); from then on the database is what counts (docs/configuration.md).

CREATE TABLE customer_site (
    -- the token's site claim
    name              VARCHAR(63) PRIMARY KEY,
    -- web origins whose pages may ask for tokens: https://shop.example.com
    allowed_origins   TEXT[] NOT NULL,
    -- dial-plan names a customer of the site may call
    destinations      TEXT[] NOT NULL,
    token_ttl_seconds INTEGER NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_site_name_format CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    CONSTRAINT customer_site_origins_count CHECK (cardinality(allowed_origins) BETWEEN 1 AND 50),
    CONSTRAINT customer_site_destinations_count CHECK (cardinality(destinations) BETWEEN 1 AND 100),
    CONSTRAINT customer_site_token_ttl CHECK (token_ttl_seconds BETWEEN 1 AND 3600)
);

CREATE TABLE dial_plan_destination (
    -- what a browser calls, or the user part of an inbound Request-URI
    name       VARCHAR(128) PRIMARY KEY,
    -- sip:..., ws-sip:<user>, client:<subject> or a client session id
    target     VARCHAR(512) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT dial_plan_destination_name_format CHECK (name ~ '^[A-Za-z0-9._@+:/-]{1,128}$')
);

-- Which settings were filled from the configuration already, so that they are filled once per database (deleting
-- every site later does not bring the configured ones back).
CREATE TABLE configuration_seed (
    what      VARCHAR(64) PRIMARY KEY,
    seeded_at TIMESTAMPTZ NOT NULL
);
