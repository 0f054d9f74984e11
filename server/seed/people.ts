import type { Random } from './prng.js';

/**
 * Plausible international contacts: names in the scripts people really use, and E.164 numbers in
 * each country's mobile ranges (UK and US numbers from the ranges reserved for fiction).
 */
interface CountryPeople {
  country: string;
  first: readonly string[];
  last: readonly string[];
  /** Builds a full name; most scripts put the given name first. */
  order?: 'given-first' | 'family-first';
  joiner?: string;
  phone: (r: Random) => string;
}

export const COUNTRIES: readonly CountryPeople[] = [
  {
    country: 'GB',
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Freya', 'Siobhán'],
    last: ['Taylor', 'Wright', 'Evans', 'Hughes', 'O’Connor', 'Patel'],
    phone: (r) => `+447700900${r.digits(3)}`,
  },
  {
    country: 'US',
    first: ['James', 'Maria', 'Tyler', 'Ashley', 'DeShawn', 'Emily', 'Zoë'],
    last: ['Johnson', 'Garcia', 'Miller', 'Nguyen', 'Brooks', 'Rivera'],
    phone: (r) => `+1${r.pick(['212', '415', '312', '617', '305', '206'])}55501${r.digits(2)}`,
  },
  {
    country: 'DE',
    first: ['Jürgen', 'Lena', 'Maximilian', 'Sophie', 'Björn', 'Käthe'],
    last: ['Müller', 'Schröder', 'Weiß', 'Köhler', 'Groß', 'Becker'],
    phone: (r) => `+4915${r.pick(['1', '2', '7', '9'])}${r.digits(8)}`,
  },
  {
    country: 'FR',
    first: ['Élodie', 'François', 'Chloé', 'Benoît', 'Inès', 'Théo'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Rousseau', 'Béranger'],
    phone: (r) => `+336${r.digits(8)}`,
  },
  {
    country: 'ES',
    first: ['José', 'Lucía', 'Álvaro', 'Begoña', 'Íñigo', 'Marta'],
    last: ['García', 'Fernández', 'Muñoz', 'Peña', 'Ibáñez', 'Ortega'],
    phone: (r) => `+346${r.digits(8)}`,
  },
  {
    country: 'BR',
    first: ['João', 'Ana', 'Luíza', 'Thiago', 'Conceição', 'Gonçalo'],
    last: ['Silva', 'Conceição', 'Araújo', 'Gonçalves', 'Simões', 'Lima'],
    phone: (r) => `+55119${r.digits(8)}`,
  },
  {
    country: 'MX',
    first: ['Andrés', 'Ximena', 'Sofía', 'Rubén', 'Guadalupe'],
    last: ['Hernández', 'López', 'Martínez', 'Ramírez', 'Núñez'],
    phone: (r) => `+5255${r.digits(8)}`,
  },
  {
    country: 'AE',
    first: ['محمد', 'فاطمة', 'خالد', 'مريم', 'Omar', 'Layla'],
    last: ['الحمادي', 'المنصوري', 'Al Nuaimi', 'الشامسي'],
    phone: (r) => `+97150${r.digits(7)}`,
  },
  {
    country: 'SA',
    first: ['عبدالله', 'نورة', 'سلطان', 'ريم'],
    last: ['القحطاني', 'العتيبي', 'الغامدي'],
    phone: (r) => `+9665${r.digits(8)}`,
  },
  {
    country: 'EG',
    first: ['أحمد', 'منى', 'Youssef', 'Salma'],
    last: ['عبد الرحمن', 'Mansour', 'حسن'],
    phone: (r) => `+2010${r.digits(8)}`,
  },
  {
    country: 'RU',
    first: ['Алексей', 'Екатерина', 'Дмитрий', 'Ольга', 'Сергей'],
    last: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Волков'],
    phone: (r) => `+79${r.digits(9)}`,
  },
  {
    country: 'UA',
    first: ['Олена', 'Тарас', 'Ірина', 'Богдан'],
    last: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткачук'],
    phone: (r) => `+38067${r.digits(7)}`,
  },
  {
    country: 'JP',
    first: ['翔太', '陽菜', '健一', '美咲'],
    last: ['佐藤', '鈴木', '高橋', '田中'],
    order: 'family-first',
    joiner: ' ',
    phone: (r) => `+8190${r.digits(8)}`,
  },
  {
    country: 'CN',
    first: ['伟', '芳', '秀英', '明'],
    last: ['王', '李', '张', '刘'],
    order: 'family-first',
    joiner: '',
    phone: (r) => `+8613${r.digits(9)}`,
  },
  {
    country: 'KR',
    first: ['민준', '서연', '지호', '하은'],
    last: ['김', '이', '박', '최'],
    order: 'family-first',
    joiner: '',
    phone: (r) => `+8210${r.digits(8)}`,
  },
  {
    country: 'IN',
    first: ['Aarav', 'Priya', 'प्रिया', 'Rohan', 'Ananya'],
    last: ['Sharma', 'Iyer', 'शर्मा', 'Reddy', 'Banerjee'],
    phone: (r) => `+919${r.digits(9)}`,
  },
  {
    country: 'NG',
    first: ['Chiamaka', 'Oluwaseun', 'Emeka', 'Ngozi', 'Adébáyọ̀'],
    last: ['Okafor', 'Adeyemi', 'Eze', 'Balogun'],
    phone: (r) => `+23480${r.digits(8)}`,
  },
  {
    country: 'PL',
    first: ['Łukasz', 'Zofia', 'Wojciech', 'Małgorzata'],
    last: ['Nowak', 'Wiśniewski', 'Kowalczyk', 'Zieliński'],
    phone: (r) => `+485${r.digits(8)}`,
  },
  {
    country: 'TR',
    first: ['Çağlar', 'Ayşe', 'Gökhan', 'Şule', 'İbrahim'],
    last: ['Yılmaz', 'Öztürk', 'Şahin', 'Çelik'],
    phone: (r) => `+905${r.digits(9)}`,
  },
  {
    country: 'VN',
    first: ['Nguyễn Văn', 'Trần Thị', 'Lê Minh', 'Phạm Thu'],
    last: ['An', 'Hương', 'Đức', 'Thảo'],
    joiner: ' ',
    phone: (r) => `+849${r.digits(8)}`,
  },
];

export interface SeedPerson {
  name: string;
  phone: string;
  country: string;
  email: string | null;
  company: string | null;
}

const COMPANIES = [
  'Alder & Co',
  'Blue Harbour Foods',
  'Café Lumière',
  'Kiruna Outdoor',
  'Sakura Imports',
  'Delta Freight',
  null,
  null,
  null,
];

export function makePerson(r: Random, usedPhones: Set<string>): SeedPerson {
  const c = r.pick(COUNTRIES);
  let phone = c.phone(r);
  while (usedPhones.has(phone)) phone = c.phone(r);
  usedPhones.add(phone);
  const first = r.pick(c.first);
  const last = r.pick(c.last);
  const joiner = c.joiner ?? ' ';
  // A few contacts have no name yet: the UI then shows the number.
  const name = r.chance(0.05)
    ? ''
    : c.order === 'family-first'
      ? `${last}${joiner}${first}`
      : `${first}${joiner}${last}`;
  const ascii = /^[A-Za-z]+$/.test(first) ? first.toLowerCase() : null;
  const email = ascii && r.chance(0.5) ? `${ascii}.${phone.slice(-4)}@example.com` : null;
  return { name, phone, country: c.country, email, company: r.pick(COMPANIES) };
}
