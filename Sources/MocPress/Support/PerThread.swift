import Foundation

/// A value made once per thread and kept there: for objects that parallel
/// workers would otherwise share (each use retains and releases a shared
/// object, and two cores then keep taking its cache line from each other)
/// or make again for every file.
///
/// One value per `slot` and thread; the owner is kept with it, so that a
/// later owner (the next theme in `serve`) cannot get the same address and
/// take a value made for an earlier one.
enum PerThread {
    private final class Kept {
        let owner: AnyObject
        let value: Any
        init(owner: AnyObject, value: Any) { self.owner = owner; self.value = value }
    }

    static func value<Value>(_ slot: String, owner: AnyObject, make: () -> Value) -> Value {
        let kept = Thread.current.threadDictionary
        if let copy = kept[slot] as? Kept, copy.owner === owner, let value = copy.value as? Value { return value }
        let value = make()
        kept[slot] = Kept(owner: owner, value: value)
        return value
    }
}
