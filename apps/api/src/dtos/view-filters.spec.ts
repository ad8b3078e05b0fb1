import 'reflect-metadata';
import { VIEW_FILTER_FIELDS } from '@hardtech/domain';
import { EnterpriseQueryDto } from './enterprise.dto';
import { ProblemQueryDto } from './problem.dto';

/** The query parameters a DTO documents (and the validation pipe lets through). */
const queryNames = (dto: { prototype: object }): string[] =>
  (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) as string[])
    .map((key) => key.replace(/^:/, ''))
    .sort();

// A saved view of the ledger or the enterprise list holds that list's filters: a filter added to
// the list and not to its views could not be saved, one only in the view would be refused (400).
describe('the filters a saved view holds', () => {
  it.each([
    ['ledger', ProblemQueryDto],
    ['enterprises', EnterpriseQueryDto],
  ] as const)('of the %s are those its list takes, but the page', (list, dto) => {
    const fields = VIEW_FILTER_FIELDS[list].map((f) => f.name).sort();
    expect(fields).toEqual(queryNames(dto).filter((name) => name !== 'page'));
  });
});
