import { SERVICES } from '@mediaflow/contracts';
import { SERVICE_ORDER, serviceDeclarations, services } from '../src';
import { embeddedServiceFactories } from '../src/embedded';

describe('the service registry', () => {
  it.each(SERVICES.map((s) => [s]))('registers %s under its own name, with a table definition named as asked', (name) => {
    expect(services[name].declaration.service).toBe(name);
    expect(services[name].readTable.definition(`t-${name}`).TableName).toBe(`t-${name}`);
  });

  it('starts every service exactly once', () => {
    expect([...SERVICE_ORDER].sort()).toEqual([...SERVICES].sort());
    expect(serviceDeclarations.map((d) => d.service)).toEqual(SERVICE_ORDER);
    expect(new Set(embeddedServiceFactories).size).toBe(SERVICES.length);
  });

  it('starts ingest, which consumes nothing, first and notifications, which only listens, last', () => {
    expect(SERVICE_ORDER[0]).toBe('ingest');
    expect(SERVICE_ORDER.indexOf('notifications')).toBe(SERVICE_ORDER.length - 1);
  });
});
