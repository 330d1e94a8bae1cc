/**
 * The frame page's title and loading words in Arabic, Simplified Chinese and Vietnamese (terms from
 * docs/i18n/glossary.md). Messages about a mistaken frame address are for the webmaster and stay in
 * English for these languages. Imported by frame.ts only (the builder offers English and Spanish).
 */
import type { FrameStrings } from './strings.js';

type MoreStrings = Pick<FrameStrings, 'title' | 'loading' | 'loadFailed'>;

export const FRAME_STRINGS_MORE: Record<'ar' | 'zh-Hans' | 'vi', MoreStrings> = {
  ar: {
    title: {
      card: 'شهادة مصغّرة',
      verify: 'التحقق من شهادة مصغّرة',
      catalog: 'كتالوج الشهادات المصغّرة',
      tracker: 'التقدّم في حزمة من الشهادات المصغّرة',
      wallet: 'ملف الشهادات المصغّرة',
    },
    loading: 'جارٍ التحميل…',
    loadFailed: 'تعذّر تحميل هذا المحتوى. يُرجى إعادة تحميل الصفحة للمحاولة مرة أخرى.',
  },
  'zh-Hans': {
    title: {
      card: '微证书',
      verify: '验证微证书',
      catalog: '微证书目录',
      tracker: '微证书组合的学习进度',
      wallet: '微证书档案',
    },
    loading: '正在加载…',
    loadFailed: '无法加载此内容。请重新加载页面后重试。',
  },
  vi: {
    title: {
      card: 'Chứng chỉ vi mô',
      verify: 'Xác minh chứng chỉ vi mô',
      catalog: 'Danh mục chứng chỉ vi mô',
      tracker: 'Tiến độ trong bộ chứng chỉ vi mô',
      wallet: 'Hồ sơ chứng chỉ vi mô',
    },
    loading: 'Đang tải…',
    loadFailed: 'Không thể tải nội dung này. Vui lòng tải lại trang để thử lại.',
  },
};
