import { applyDecorators } from '@nestjs/common';
import { Matches, registerDecorator, ValidationOptions } from 'class-validator';
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

/** A day YYYY-MM-DD that exists (the list's inPoolOn and stageOn), with a message naming the field. */
export function IsDay(field: string): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date YYYY-MM-DD` }),
    IsInstant({ message: `${field} must be a date that exists` }),
  );
}
