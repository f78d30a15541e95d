/// Everything a page is rendered with: the keys every template gets, with the page's own
/// model's keys beside them (docs/themes.md, "Keys every template gets").
struct PageContext: TemplateFields {
    var root: String
    /// `site`, converted once for all pages.
    var site: TemplateValue
    /// `nav`, converted once per current link.
    var nav: TemplateValue
    var page: PageInfo
    var generator: String
    var header: String?
    var footer: String?
    /// The page's own model, converted.
    var own: TemplateValue

    var baseFields: [String: TemplateValue] { own.fields }
    enum Key: String, CaseIterable { case root, site, nav, page, generator, header, footer }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .root: .string(root)
        case .site: site
        case .nav: nav
        case .page: page.templateValue
        case .generator: .string(generator)
        // Left out, not null, for a theme whose base includes the partials itself.
        case .header: header.map(TemplateValue.html)
        case .footer: footer.map(TemplateValue.html)
        }
    }
}

/// `page`: the page's title, address and feeds.
struct PageInfo: TemplateFields {
    var title: String
    var isHome: Bool
    var canonical: String?
    var feeds: [FeedLink]
    var feed: FeedLink?

    enum Key: String, CaseIterable { case title, isHome, canonical, feeds, feed }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(title)
        case .isHome: .bool(isHome)
        case .canonical: TemplateValue(canonical)
        case .feeds: feeds.templateValue
        case .feed: feed.templateValue
        }
    }
}

/// `site`: the site's settings every template sees.
struct SiteInfo: TemplateFields {
    var config: SiteConfig
    var hasSkills: Bool
    var hasPeople: Bool
    /// The list page of the pathways' folder, when the site has pathways.
    var pathwaysURL: String?

    enum Key: String, CaseIterable { case title, description, language, baseURL, search, hasSkills, hasPeople, hasMatrix, pathwaysURL }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .title: .string(config.title)
        case .description: .string(config.description)
        case .language: .string(config.language)
        case .baseURL: TemplateValue(config.baseURL)
        case .search: .bool(config.search)
        // A team without skills.yml or people.yml gets no empty skill, people or matrix pages.
        case .hasSkills: .bool(hasSkills)
        case .hasPeople: .bool(hasPeople)
        case .hasMatrix: .bool(hasSkills && hasPeople)
        case .pathwaysURL: TemplateValue(pathwaysURL)
        }
    }
}

/// An entry of the main navigation (`nav`).
struct NavLink: TemplateFields {
    var label: String
    var url: String
    var current: Bool

    enum Key: String, CaseIterable { case label, url, current }

    func value(for key: Key) -> TemplateValue? {
        switch key {
        case .label: .string(label)
        case .url: .string(url)
        case .current: .bool(current)
        }
    }
}
