import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInput, Text, t } from '@hardtech/domain';
import { assertSafeInput } from './safe-input';

/** Bilingual texts for the class-validator constraints our DTOs use. */
const CONSTRAINT_TEXT: Record<string, Text> = {
  isString: t('应为文本', 'must be a string'),
  isNotEmpty: t('必填', 'is required'),
  isDefined: t('必填', 'is required'),
  isInt: t('应为整数', 'must be an integer'),
  min: t('数值过小', 'is too small'),
  max: t('数值过大', 'is too large'),
  maxLength: t('内容过长', 'is too long'),
  minLength: t('内容过短', 'is too short'),
  isIn: t('取值无效', 'is not an allowed value'),
  isEnum: t('取值无效', 'is not an allowed value'),
  isBoolean: t('应为布尔值', 'must be true or false'),
  equals: t('取值无效', 'is not an allowed value'),
  isObject: t('应为对象', 'must be an object'),
  isArray: t('应为列表', 'must be a list'),
  arrayMaxSize: t('项数过多', 'has too many items'),
  isInstant: t(
    '应为日期 YYYY-MM-DD 或带时区的ISO 8601时间',
    'must be a date YYYY-MM-DD or an ISO 8601 date-time with offset',
  ),
  matches: t('格式不正确', 'has an invalid format'),
  whitelistValidation: t('未知字段', 'unknown field'),
  nestedValidation: t('应为对象', 'must be an object'),
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([key, message]) => ({
      field,
      text: CONSTRAINT_TEXT[key] ? { zh: CONSTRAINT_TEXT[key].zh, en: message } : t(message, message),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * DTOs are validated at the edge: unknown fields refused, types checked, errors per field. Before
 * that, every body, query and path value is checked to be storable and of bounded depth.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertSafeInput(value, metadata);
    if (metadata.type === 'body' && metadata.metatype && !isPlainObject(value)) {
      // A DTO body must be a JSON object: arrays and scalars would be validated element-wise.
      throw new InvalidInput([
        { field: 'body', text: t('请求体应为JSON对象', 'the body must be a JSON object') },
      ]);
    }
    return super.transform(value, metadata);
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new InvalidInput(flatten(errors)),
  });
}
