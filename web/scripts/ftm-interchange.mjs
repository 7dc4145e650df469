// Interchange check of issue #5 with FollowTheMoney's own JavaScript library
// (@alephdata/followthemoney, a devDependency), run by tests/interchange/interchange_test.py:
//
//   node scripts/ftm-interchange.mjs write OUT.ftm   builds a small made-up investigation with the
//                                                    library and writes it as JSON lines, as any
//                                                    tool built on that library would;
//   node scripts/ftm-interchange.mjs check IN.ftm    reads an FtM stream (Ordo's `export ftm`) and
//                                                    checks every line against the library's model:
//                                                    a known schema, properties the schema has, and
//                                                    entity references that resolve. Prints
//                                                    "ok N entities" or the problems, exit 1.
//
// Every person, company, number and payment here is made up.

import { readFileSync, writeFileSync } from 'node:fs';
import ftm from '@alephdata/followthemoney';

const { Model, defaultModel } = ftm;
const model = new Model(defaultModel);

function write(path) {
  const entities = [];
  const make = (schema, properties) => {
    const entity = model.createEntity(schema);
    for (const [name, values] of Object.entries(properties)) {
      for (const value of [].concat(values)) entity.setProperty(name, value);
    }
    entities.push(entity);
    return entity;
  };
  // Entity references by id, as FtM's JSON lines carry them (not nested entities).
  const organiser = make('Person', {
    name: ['Made-up Organiser', 'Мейд-ап Организатор'],
    phone: ['+996 555 000 101'],
    passportNumber: ['XX0000001'],
    birthDate: '1970',
  });
  const courier = make('Person', { name: 'Made-up Courier', phone: ['+996555000101', '+996 555 000 202'] });
  const driver = make('Person', { name: 'Made-up Driver', email: 'driver@example.org' });
  const company = make('Company', { name: 'Made-up Logistics LLC', registrationNumber: '000-000', jurisdiction: 'kg' });
  const front = make('Organization', { name: 'Made-up Front Fund' });
  const truck = make('Vehicle', { name: 'Made-up truck', registrationNumber: '00 KG 000 XXX' });
  make('Ownership', { owner: organiser.id, asset: company.id, percentage: '60', startDate: '2019-05-01' });
  make('Ownership', { owner: company.id, asset: truck.id, startDate: '2020' });
  make('Directorship', { director: courier.id, organization: company.id, role: 'director', startDate: '2020-01', endDate: '2022-06' });
  make('Membership', { member: driver.id, organization: front.id });
  make('Call', { caller: organiser.id, receiver: courier.id, date: '2021-03-04', duration: '65' });
  make('Call', { callerNumber: '+996 555 000 303', receiver: driver.id, date: '2021-03-05' });
  make('Payment', { payer: company.id, beneficiary: driver.id, amount: '1000', currency: 'USD', date: '2021-03' });
  make('Associate', { person: courier.id, associate: driver.id, relationship: 'cousins' });
  const lines = entities.map((entity) => JSON.stringify(entity.toJSON()));
  writeFileSync(path, lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} entities`);
}

function check(path) {
  const problems = [];
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const ids = new Set(lines.map((line) => JSON.parse(line).id));
  lines.forEach((line, index) => {
    const where = `${path}:${index + 1}`;
    const raw = JSON.parse(line);
    if (!model.schemata[raw.schema]) {
      problems.push(`${where}: schema '${raw.schema}' is not in the FtM model`);
      return;
    }
    const schema = model.getSchema(raw.schema);
    for (const [name, values] of Object.entries(raw.properties ?? {})) {
      if (!schema.hasProperty(name)) {
        problems.push(`${where}: ${raw.schema} has no property '${name}'`);
        continue;
      }
      const property = schema.getProperty(name);
      for (const value of values) {
        if (typeof value !== 'string') problems.push(`${where}: ${name} holds a non-string`);
        if (property.type.name === 'entity' && !ids.has(value)) {
          problems.push(`${where}: ${name} names '${value}', which is not in the file`);
        }
      }
    }
    // The library itself must take the line (it throws on a property the schema lacks).
    try {
      const entity = model.getEntity(raw);
      if (entity.id !== raw.id || entity.schema.name !== raw.schema) {
        problems.push(`${where}: the library reads it back differently`);
      }
    } catch (error) {
      problems.push(`${where}: the library refuses it: ${error.message}`);
    }
  });
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`ok ${lines.length} entities`);
}

const [mode, path] = process.argv.slice(2);
if (mode === 'write' && path) {
  write(path);
} else if (mode === 'check' && path) {
  check(path);
} else {
  console.error('usage: node scripts/ftm-interchange.mjs write|check FILE');
  process.exit(2);
}
