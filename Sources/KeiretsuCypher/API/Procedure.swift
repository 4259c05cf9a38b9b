// Procedures callable with CALL: the built-in catalogue ones (db.labels …) and any a host
// registers (the TCK runner registers its test procedures this way).

import KeiretsuGraph

public struct ProcedureSignature: Sendable {
    public struct Field: Sendable {
        public var name: String
        /// openCypher type name as written in signatures: STRING?, INTEGER?, FLOAT?, NUMBER?,
        /// BOOLEAN?, MAP?, LIST? OF …, ANY?, NODE?
        public var type: String
        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    public var inputs: [Field]
    public var outputs: [Field]

    public init(name: String, inputs: [Field], outputs: [Field]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }
}

public struct Procedure: Sendable {
    public var signature: ProcedureSignature
    /// Called with the arguments (already checked against the input types); returns one array
    /// of output values per result row, in the order of `signature.outputs`.
    public var body: @Sendable (_ arguments: [Value], _ graph: any GraphStore) throws -> [[Value]]

    public init(signature: ProcedureSignature,
                body: @escaping @Sendable (_ arguments: [Value], _ graph: any GraphStore) throws -> [[Value]]) {
        self.signature = signature
        self.body = body
    }
}
