import { describe, expect, it } from 'vitest';
import { checkButtonUrl, DONATE_PATH, parseButtons } from './buttons.js';

describe('the addresses of appeal buttons', () => {
  it('sends the built-in button to our own donate page whatever was typed', () => {
    expect(checkButtonUrl('donate', 'https://evil.example/')).toEqual({ url: DONATE_PATH });
  });

  it('accepts https links to the service a button names, and any https address for "any web address"', () => {
    expect(checkButtonUrl('paypal', 'https://www.paypal.com/donate/?hosted_button_id=ABC123')).toEqual({ url: 'https://www.paypal.com/donate/?hosted_button_id=ABC123' });
    expect(checkButtonUrl('paypal', 'https://paypal.me/lantern')).toEqual({ url: 'https://paypal.me/lantern' });
    expect(checkButtonUrl('patreon', 'https://www.patreon.com/lantern')).toEqual({ url: 'https://www.patreon.com/lantern' });
    expect(checkButtonUrl('liberapay', 'https://liberapay.com/lantern/donate')).toEqual({ url: 'https://liberapay.com/lantern/donate' });
    expect(checkButtonUrl('opencollective', 'https://opencollective.com/lantern')).toEqual({ url: 'https://opencollective.com/lantern' });
    expect(checkButtonUrl('url', '  https://shop.lantern.example/mugs  ')).toEqual({ url: 'https://shop.lantern.example/mugs' });
  });

  it('refuses javascript:, data:, plain http, relative and credentialed addresses', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://www.paypal.com/donate',
      '/donate/', '//paypal.com/x', 'https://user:pw@paypal.com/', '', 'vbscript:msgbox']) {
      expect(checkButtonUrl('paypal', url), url).toHaveProperty('error');
      expect(checkButtonUrl('url', url), url).toHaveProperty('error');
    }
  });

  it('refuses a "PayPal" button that leads somewhere else, even to a look-alike host', () => {
    for (const url of ['https://paypal.com.evil.example/donate', 'https://evilpaypal.com/', 'https://example.org/?paypal.com']) {
      expect(checkButtonUrl('paypal', url), url).toEqual({ error: 'A PayPal donate link address is on paypal.com or paypal.me' });
    }
    expect(checkButtonUrl('patreon', 'https://liberapay.com/x')).toHaveProperty('error');
  });

  it('drops stored buttons that no longer pass the checks', () => {
    const stored = JSON.stringify([
      { kind: 'donate', label: 'Donate', url: '/donate/' },
      { kind: 'url', label: 'Evil', url: 'javascript:alert(1)' },
      { kind: 'teleport', label: 'Odd', url: 'https://example.org/' },
    ]);
    expect(parseButtons(stored)).toEqual([{ kind: 'donate', label: 'Donate', url: '/donate/' }]);
    expect(parseButtons('not json')).toEqual([]);
  });
});
