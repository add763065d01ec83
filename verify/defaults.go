package verify

// DefaultOptions returns the options `matterlint verify` starts from: the
// embedded production PAA store (Store nil), the production checks on (PAIs
// issued by the SDK's test PAAs are rejected, as TC_DA_1_7 does, because the
// store is the production one), the DAC checked at the current time, the
// newest modelled SDK release and the default CD trust. The CLI changes
// them only for the flags it is given (e.g. --paa-dir turns the production
// checks off unless --production true), so a program that starts from
// DefaultOptions gets the CLI's verdict for the same inputs.
//
// The zero Options differs in one way: Production is false, so a PAI issued
// by a test PAA is not rejected for that.
func DefaultOptions() Options {
	return Options{Production: true, Release: NewestRelease().Name}
}
