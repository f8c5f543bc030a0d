// The default taxonomy of a new charter: the six thematic areas of the
// Prague Process Action Plan 2023-2027. The secretariat can amend it with a
// new charter version; this is only where a network starts.
#include "daemon/directory/charter.h"

namespace parley::directory {

namespace {

const Topic kDataAndStatistics{"data-statistics", "Data and statistics", "Данные и статистика"};

}  // namespace

std::vector<Area> DefaultTaxonomy() {
  return {
      {"irregular-migration",
       "Preventing and combating irregular migration, migrant smuggling and trafficking in "
       "human beings",
       "Предотвращение нелегальной миграции, незаконного ввоза мигрантов и торговли людьми, "
       "борьба с ними",
       true,
       {{"border-management", "Border management", "Управление границами"},
        {"document-security", "Document security", "Безопасность документов"},
        {"migrant-smuggling", "Migrant smuggling", "Незаконный ввоз мигрантов"},
        {"trafficking", "Trafficking in human beings", "Торговля людьми"},
        kDataAndStatistics}},
      {"return-reintegration",
       "Readmission, return and sustainable reintegration",
       "Реадмиссия, возвращение и устойчивая реинтеграция",
       true,
       {{"readmission", "Readmission agreements", "Соглашения о реадмиссии"},
        {"voluntary-return", "Assisted voluntary return", "Содействие добровольному возвращению"},
        {"reintegration", "Reintegration programmes", "Программы реинтеграции"},
        kDataAndStatistics}},
      {"legal-migration",
       "Legal migration and mobility, with emphasis on labour migration",
       "Легальная миграция и мобильность, с акцентом на трудовую миграцию",
       true,
       {{"labour-migration", "Labour migration", "Трудовая миграция"},
        {"visa-policy", "Visa policy", "Визовая политика"},
        {"skills-recognition", "Recognition of skills and qualifications",
         "Признание навыков и квалификаций"},
        {"pre-departure", "Pre-departure orientation", "Подготовка к выезду"},
        kDataAndStatistics}},
      {"integration",
       "Integration of migrants legally residing in host societies",
       "Интеграция мигрантов, законно проживающих в принимающих обществах",
       false,
       {{"language-learning", "Language learning", "Изучение языка"},
        {"labour-market", "Access to the labour market", "Доступ к рынку труда"},
        {"social-cohesion", "Social cohesion", "Социальная сплочённость"},
        kDataAndStatistics}},
      {"migration-development",
       "Migration and development",
       "Миграция и развитие",
       false,
       {{"diaspora", "Diaspora engagement", "Взаимодействие с диаспорой"},
        {"remittances", "Remittances", "Денежные переводы мигрантов"},
        {"circular-migration", "Circular migration", "Циркулярная миграция"},
        kDataAndStatistics}},
      {"asylum-protection",
       "Asylum and international protection",
       "Убежище и международная защита",
       true,
       {{"asylum-procedures", "Asylum procedures", "Процедуры предоставления убежища"},
        {"reception", "Reception conditions", "Условия приёма"},
        {"statelessness", "Statelessness", "Безгражданство"},
        {"resettlement", "Resettlement", "Переселение"},
        kDataAndStatistics}},
  };
}

}  // namespace parley::directory
