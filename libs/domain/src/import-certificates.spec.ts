import { certificateName, missingCertificateErrors, sortCertificates } from './import-certificates';

const CODE = '91350100M000100Y43';
const file = (fileName: string) => ({ fileName, content: Buffer.from('%PDF-') });

describe('certificates of a batch import', () => {
  it.each([
    [`${CODE}-C3.pdf`, { creditCode: CODE, purpose: 'C3' }],
    [`${CODE.toLowerCase()}-c5.JPG`, { creditCode: CODE, purpose: 'C5' }],
    [`证书/${CODE}-C5.png`, { creditCode: CODE, purpose: 'C5' }],
    [`${CODE}-C4.pdf`, null],
    [`${CODE}-C3`, null],
    ['营业执照.pdf', null],
  ])('reads %s', (name, expected) => expect(certificateName(name)).toEqual(expected));

  it('keeps the certificates of the sheet’s rows and names every file it refuses', () => {
    const other = '91110000802100433B';
    const { certificates, errors } = sortCertificates(
      [file(`${CODE}-C3.pdf`), file(`${CODE}-C3.png`), file(`${other}-C5.pdf`), file('说明.docx')],
      new Set([CODE]),
    );
    expect(certificates.map((c) => [c.creditCode, c.purpose, c.fileName])).toEqual([
      [CODE, 'C3', `${CODE}-C3.pdf`],
    ]);
    expect(errors.map((e) => [e.field, e.text.zh])).toEqual([
      ['certificates', `同一证书上传了多份：${CODE}-C3`],
      ['certificates', `表格中没有该企业：${other}-C5.pdf`],
      ['certificates', '证书文件名应为“统一社会信用代码-C3.扩展名”或“-C5.扩展名”：说明.docx'],
    ]);
  });

  it('names the file each missing certificate should be', () => {
    expect(missingCertificateErrors(CODE, ['C5'])).toEqual([
      {
        field: 'certificates.C5',
        text: {
          zh: `缺少Ⅰ类知识产权证书，请附文件 ${CODE}-C5.pdf（或图片）`,
          en: `missing: Class I IP certificates; attach ${CODE}-C5.pdf (or an image)`,
        },
      },
    ]);
  });
});
