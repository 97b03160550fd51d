// The one JSON body parser and its size limit (a larger body gets 413 payload_too_large).
import express from 'express';

/** The largest JSON request body accepted, in body-parser's notation. */
export const JSON_BODY_LIMIT = '5mb';

export const parseJsonBody = express.json({ limit: JSON_BODY_LIMIT });
