// Calendar arithmetic on dates: ISO week dates, ordinal and quarter dates, month steps.
//
// ISO 8601 weeks start on Monday; week 1 of a week-based year is the week holding that year's
// first Thursday (equivalently, January 4th), so a week-based year has 52 or 53 weeks and its
// first Monday may fall in the previous calendar year (`date({year: 1817, week: 1})` is
// 1816-12-30, TCK Temporal1 [1]). Quarters are Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec.
// Month steps clamp the day to the target month's length (Jan 31 + 1 month = Feb 28/29), as
// java.time does and the TCK expects.

extension LocalDate {
    /// The Monday that starts week 1 of the week-based year `weekYear`.
    static func firstMondayOfWeekYear(_ weekYear: Int64) -> Int64 {
        let jan4 = LocalDate(epochDay: epochDay(year: weekYear, month: 1, day: 4))
        return jan4.epochDay - Int64(jan4.dayOfWeek - 1)
    }

    /// 52 or 53.
    public static func weeksIn(weekYear: Int64) -> Int {
        let start = firstMondayOfWeekYear(weekYear)
        let next = firstMondayOfWeekYear(weekYear + 1)
        return Int((next - start) / 7)
    }

    /// The ISO week-based year and week of this date.
    public var isoWeek: (weekYear: Int64, week: Int) {
        // The Thursday of this week decides the week-based year.
        let thursday = LocalDate(epochDay: epochDay - Int64(dayOfWeek) + 4)
        let year = thursday.year
        return (year, (thursday.dayOfYear - 1) / 7 + 1)
    }

    /// 1…4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// 1…92.
    public var dayOfQuarter: Int {
        let (y, m, _) = components
        let first = LocalDate.epochDay(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)
        return Int(epochDay - first) + 1
    }

    /// A week date; nil when a field is out of range (week 53 only in long years).
    public init?(weekYear: Int64, week: Int64, dayOfWeek: Int64) {
        guard weekYear >= LocalDate.minYear, weekYear <= LocalDate.maxYear, (1...7).contains(dayOfWeek),
            week >= 1, week <= Int64(LocalDate.weeksIn(weekYear: weekYear))
        else { return nil }
        let day = LocalDate.firstMondayOfWeekYear(weekYear) + (week - 1) * 7 + dayOfWeek - 1
        guard let d = LocalDate.checked(epochDay: day) else { return nil }
        self = d
    }

    /// An ordinal date (day 1…365/366 of `year`).
    public init?(year: Int64, ordinalDay: Int64) {
        guard year >= LocalDate.minYear, year <= LocalDate.maxYear,
            ordinalDay >= 1, ordinalDay <= Int64(LocalDate.daysIn(year: year))
        else { return nil }
        self.init(epochDay: LocalDate.epochDay(year: year, month: 1, day: 1) + ordinalDay - 1)
    }

    /// A quarter date (day 1…90/91/92 of the quarter).
    public init?(year: Int64, quarter: Int64, dayOfQuarter: Int64) {
        guard year >= LocalDate.minYear, year <= LocalDate.maxYear, (1...4).contains(quarter) else { return nil }
        let firstMonth = Int(quarter - 1) * 3 + 1
        let start = LocalDate.epochDay(year: year, month: firstMonth, day: 1)
        let end = firstMonth == 10
            ? LocalDate.epochDay(year: year + 1, month: 1, day: 1)
            : LocalDate.epochDay(year: year, month: firstMonth + 3, day: 1)
        guard dayOfQuarter >= 1, dayOfQuarter <= end - start else { return nil }
        self.init(epochDay: start + dayOfQuarter - 1)
    }

    /// This date moved by `months`, the day clamped to the target month; nil out of range.
    public func plusMonths(_ months: Int64) -> LocalDate? {
        if months == 0 { return self }
        let (y, m, d) = components
        let (total, o1) = (y.multipliedReportingOverflow(by: 12))
        guard !o1 else { return nil }
        let (moved, o2) = (total + Int64(m - 1)).addingReportingOverflow(months)
        guard !o2 else { return nil }
        let ny = moved >= 0 ? moved / 12 : (moved - 11) / 12
        let nm = Int(moved - ny * 12) + 1
        guard ny >= LocalDate.minYear, ny <= LocalDate.maxYear else { return nil }
        return LocalDate(year: ny, month: nm, day: min(d, LocalDate.daysIn(month: nm, year: ny)))
    }

    /// This date moved by `days`; nil out of range.
    public func plusDays(_ days: Int64) -> LocalDate? {
        let (e, o) = epochDay.addingReportingOverflow(days)
        return o ? nil : LocalDate.checked(epochDay: e)
    }
}
