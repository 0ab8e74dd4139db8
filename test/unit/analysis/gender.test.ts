import { strict as assert } from 'node:assert';
import { genderOfFirstName, genderOfPerson, genderOfTitle } from '../../../src/core/people/gender';

describe('people: gender from names and titles', () => {
  it('reads first names from the list, never guessing names used for both', () => {
    assert.equal(genderOfFirstName('Angela'), 'female');
    assert.equal(genderOfFirstName('vladimir'), 'male');
    assert.equal(genderOfFirstName('Kim'), 'unknown');
    assert.equal(genderOfFirstName('Zzyzxq'), 'unknown');
  });
  it('lets an honorific or a gendered title decide before the first name', () => {
    assert.equal(genderOfPerson('Mrs. Clinton'), 'female');
    assert.equal(genderOfPerson('Mr Kim Larsen'), 'male');
    assert.equal(genderOfPerson('Sen. Elizabeth Warren'), 'female');
    assert.equal(genderOfPerson('Putin'), 'unknown', 'a surname alone says nothing');
    assert.equal(genderOfTitle('spokeswoman'), 'female');
    assert.equal(genderOfTitle('congressman'), 'male');
  });
});
