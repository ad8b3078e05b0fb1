import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseInstant } from '@hardtech/domain';

/** A date (YYYY-MM-DD, Shanghai) or an ISO 8601 date-time with offset that exists on the calendar. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null },
    });
}
