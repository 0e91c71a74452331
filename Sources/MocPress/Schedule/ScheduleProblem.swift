/// Why «Сроки» cannot be read, in words a methodist can act on. Kept in one
/// place so the wording stays consistent.
struct ScheduleProblem: Error, Sendable {
    var reason: String

    static let empty = ScheduleProblem(reason: "сроки не указаны: напишите месяц, квартал, дату или «в течение года»")

    static func unknown(_ text: String, season: Bool) -> ScheduleProblem {
        let hint = season ? ", например «март – май»" : ""
        return ScheduleProblem(reason: "не удалось распознать «\(text)»: укажите месяц, квартал или дату\(hint)")
    }

    static func number(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "не удалось понять число «\(text)»: укажите дату («12 мая»), месяц, квартал или год")
    }

    static func unfinished(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "срок обрывается после «\(text)»: допишите дату, месяц или год")
    }

    static func impossibleDate(_ text: String, year: Int?) -> ScheduleProblem {
        let inYear = year.map { " в \($0) году" } ?? ""
        return ScheduleProblem(reason: "даты «\(text)»\(inYear) не существует: проверьте день и месяц")
    }

    static func quarter(_ number: Int) -> ScheduleProblem {
        ScheduleProblem(reason: "квартала \(number) не бывает: кварталы нумеруются от I до IV")
    }

    static func half(_ number: Int) -> ScheduleProblem {
        ScheduleProblem(reason: "полугодия \(number) не бывает: полугодий два, I и II")
    }

    static func reversed(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "срок «\(text)» заканчивается раньше, чем начинается: проверьте порядок дат")
    }

    static func openEnded(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "у срока «\(text)» нет конца: допишите «по …», например «с 10 по 20 октября»")
    }

    static func vagueDeadline(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "«\(text)» можно понять по-разному: укажите день, например «до 31 мая», или напишите «до конца …»")
    }

    static func deadlineBeforePlan(_ text: String, year: Int) -> ScheduleProblem {
        ScheduleProblem(reason: "срок «\(text)» истекает до начала \(year) года, на который составлен план")
    }

    static func relative(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "«\(text)» не привязано к календарю: укажите, какой именно период, например «в течение мая»")
    }

    static func academicYears(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "учебный год «\(text)» должен охватывать два соседних года, например «2023-2024 учебный год»")
    }

    static func twoCadences(_ first: Cadence, _ second: Cadence) -> ScheduleProblem {
        ScheduleProblem(reason: "в сроке две периодичности, «\(first.word)» и «\(second.word)»: оставьте одну")
    }

    static let twoCounts = ScheduleProblem(reason: "количество указано дважды: оставьте одно, например «6 публикаций в течение года»")

    static let zeroCount = ScheduleProblem(reason: "количество должно быть не меньше одного")

    static let furtherAlone = ScheduleProblem(
        reason: "«далее – ежегодно» дополняет срок, но самого срока нет: укажите его, например «май 2023, далее – ежегодно»")

    static func further(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "после «\(text)» ожидается «ежегодно»: напишите «далее – ежегодно»")
    }

    static func noWeeks(_ text: String) -> ScheduleProblem {
        ScheduleProblem(reason: "в срок «\(text)» не попадает ни один понедельник, поэтому еженедельных окон нет: уточните срок")
    }

    static let separatePlan = ScheduleProblem(
        reason: "«по отдельному плану» рядом со сроком: возьмите его в скобки, например «август 2023 (по отдельному плану)», или оставьте одно")

    static func planYear(_ year: Int) -> ScheduleProblem {
        ScheduleProblem(reason: "год плана \(year) вне допустимых пределов: укажите year: ГГГГ")
    }

    static func symbol(_ character: Character) -> ScheduleProblem {
        ScheduleProblem(reason: "непонятный знак «\(character)» в сроке: уберите его")
    }
}
