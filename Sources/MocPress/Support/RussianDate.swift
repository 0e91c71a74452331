/// Russian calendar words, shared by the date formatter and (later) the schedule grammar.
public enum RussianCalendar {
    /// Month names in the genitive case, as in «12 мая 2023 г.».
    public static let genitiveMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]

    /// Month names in the nominative case, as in «Май 2023».
    public static let nominativeMonths = [
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ]
}
