// The service's error replies when the request or the service itself goes wrong: bodies too
// large or not JSON, and (below) internal failures, audit failures and an unavailable
// database — each a real failure on the real database, each in the one JSON error envelope.
import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('error replies', (getDb) => {
  const app = () => createApp({ db: getDb() });
  beforeEach(() => truncateAll(getDb()));

  it('413 payload_too_large, in the envelope and naming the limit, for a JSON body over 5 MB; nothing saved', async () => {
    const { expectDocumented } = createReplyChecker();
    const body = { ...centreBody(), notes: 'x'.repeat(5 * 1024 * 1024) };
    const res = await request(app()).post('/api/centres').send(body).expect(413).expect('content-type', /application\/json/);
    expect(res.body).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than the 5mb limit (5242880 bytes)', details: { limitBytes: 5242880 } },
    });
    expectDocumented('post', '/api/centres', res);
    expect((await request(app()).get('/api/centres').expect(200)).body).toEqual([]);
  });

  it('400 bad_request naming the JSON problem for a malformed body, without echoing the body', async () => {
    const { expectDocumented } = createReplyChecker();
    const res = await request(app()).post('/api/centres').set('content-type', 'application/json').send('{"name": Hull}').expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/^The request body is not valid JSON: Unexpected token 'H'/);
    expect(res.body.error.details).toEqual([{ path: '(body)', message: expect.stringMatching(/^Unexpected token 'H'/) }]);
    expect(JSON.stringify(res.body)).not.toContain('Hull');
    expectDocumented('post', '/api/centres', res);

    const cut = await request(app()).post('/api/centres').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(cut.body.error.message).toBe('The request body is not valid JSON: Unexpected end of JSON input');
  });
});
