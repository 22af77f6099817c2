# Sourced by check-cluster.sh and bench-cluster.sh: a Slurm cluster on this machine.
#   cluster_start LOGDIR   munged, slurmctld and the slurmd of $NODES (default n1 n2 n3),
#                          cgroups off, everything in a private run directory $RUN;
#                          exports SLURM_CONF.  Non-zero with $CLUSTER_WHY when the
#                          daemons cannot run here.
#   cluster_stop           every daemon by its PID file: TERM, then KILL after a grace
#                          period; copies the logs to LOGDIR and removes $RUN.
# Set a trap that calls cluster_stop before cluster_start.
NODES=${NODES:-n1 n2 n3}
RUN=
CLUSTER_LOGS=
# a process that runs (a zombie waiting for its parent's reaping has stopped)
alive() { st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }

cluster_stop() {
	[ -n "$RUN" ] && [ -d "$RUN" ] || return 0
	# jobs still queued or running (a test stopped midway): cancelled first, so that no
	# slurmstepd or task outlives its slurmd
	if [ -s "$RUN/slurmctld.pid" ] && squeue -h -o %i 2>/dev/null | grep -q .; then
		scancel --full --signal=KILL $(squeue -h -o %i 2>/dev/null) 2>/dev/null
		scancel $(squeue -h -o %i 2>/dev/null) 2>/dev/null
		i=0
		while [ $i -lt 50 ] && squeue -h -o %i 2>/dev/null | grep -q .; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
	for f in "$RUN"/slurmd-*.pid "$RUN/slurmctld.pid"; do
		[ -s "$f" ] && kill -TERM "$(cat "$f" 2>/dev/null)" 2>/dev/null
	done
	i=0
	while [ $i -lt 50 ]; do
		up=0
		for f in "$RUN"/slurmd-*.pid "$RUN/slurmctld.pid"; do
			[ -s "$f" ] && alive "$(cat "$f" 2>/dev/null)" && up=1
		done
		[ $up -eq 0 ] && break
		sleep 0.1
		i=$((i + 1))
	done
	for f in "$RUN"/slurmd-*.pid "$RUN/slurmctld.pid"; do
		[ -s "$f" ] && kill -KILL "$(cat "$f" 2>/dev/null)" 2>/dev/null
	done
	mpid=$(cat "$RUN/munged.pid" 2>/dev/null)
	if [ -n "$mpid" ]; then
		kill -TERM "$mpid" 2>/dev/null
		i=0
		while [ $i -lt 30 ] && alive "$mpid"; do sleep 0.1; i=$((i + 1)); done
		kill -KILL "$mpid" 2>/dev/null
	fi
	[ -n "$CLUSTER_LOGS" ] && cp "$RUN"/*.log "$CLUSTER_LOGS/" 2>/dev/null
	rm -rf "$RUN"
	RUN=
}

cluster_start() {
	CLUSTER_LOGS=$1
	CLUSTER_WHY=
	RUN=$(mktemp -d /tmp/sahifa-slurm.XXXXXX) || { CLUSTER_WHY="cannot make a run directory"; return 1; }
	chmod 755 "$RUN"   # munged wants every directory above its socket open to others
	dd if=/dev/urandom of="$RUN/munge.key" bs=1024 count=1 2>/dev/null
	chmod 400 "$RUN/munge.key"
	if ! munged --socket="$RUN/munge.sock" --key-file="$RUN/munge.key" --pid-file="$RUN/munged.pid" \
		--log-file="$RUN/munged.log" --seed-file="$RUN/munged.seed" > "$CLUSTER_LOGS/munged.out" 2>&1; then
		CLUSTER_WHY="munged does not start here: $(head -c 300 "$CLUSTER_LOGS/munged.out" | tr '\n' ' ')"
		return 1
	fi
	# ports: a block that depends on this run, so that two checks on one machine do not meet
	base=$((20000 + $$ % 20000))
	host=$(hostname -s)
	{
		echo "ClusterName=sahifa"
		echo "SlurmctldHost=$host(127.0.0.1)"
		echo "SlurmctldPort=$base"
		echo "AuthType=auth/munge"
		echo "CredType=cred/munge"
		echo "AuthInfo=socket=$RUN/munge.sock"
		echo "SlurmUser=root"
		echo "SlurmdUser=root"
		echo "StateSaveLocation=$RUN/state"
		echo "SlurmdSpoolDir=$RUN/spool-%n"
		echo "SlurmctldPidFile=$RUN/slurmctld.pid"
		echo "SlurmdPidFile=$RUN/slurmd-%n.pid"
		echo "SlurmctldLogFile=$RUN/slurmctld.log"
		echo "SlurmdLogFile=$RUN/slurmd-%n.log"
		echo "ProctrackType=proctrack/linuxproc"
		echo "TaskPlugin=task/none"
		echo "JobAcctGatherType=jobacct_gather/none"
		echo "AccountingStorageType=accounting_storage/none"
		echo "SelectType=select/cons_tres"
		echo "SelectTypeParameters=CR_CPU"
		echo "MpiDefault=none"
		echo "ReturnToService=2"
		echo "MinJobAge=4"
		echo "KillWait=2"
		echo "SchedulerParameters=batch_sched_delay=0"
		echo "SlurmctldTimeout=30"
		echo "SlurmdTimeout=30"
		i=1
		for n in $NODES; do
			echo "NodeName=$n NodeHostname=$host NodeAddr=127.0.0.1 Port=$((base + i)) CPUs=1 State=UNKNOWN"
			i=$((i + 1))
		done
		echo "PartitionName=test Nodes=$(echo $NODES | tr ' ' ',') Default=YES MaxTime=INFINITE State=UP"
	} > "$RUN/slurm.conf"
	mkdir -p "$RUN/state"
	export SLURM_CONF="$RUN/slurm.conf"
	slurmctld -c > "$CLUSTER_LOGS/slurmctld.out" 2>&1 || {
		CLUSTER_WHY="slurmctld does not start here: $(head -c 300 "$CLUSTER_LOGS/slurmctld.out" | tr '\n' ' ')"
		return 1
	}
	for n in $NODES; do
		mkdir -p "$RUN/spool-$n"
		slurmd -N "$n" > "$CLUSTER_LOGS/slurmd-$n.out" 2>&1 ||
			{ CLUSTER_WHY="slurmd does not start here: $(head -c 300 "$CLUSTER_LOGS/slurmd-$n.out" | tr '\n' ' ')"; return 1; }
	done
	i=0
	nn=$(echo $NODES | wc -w)
	while [ $i -lt 100 ]; do
		idle=$(sinfo -h -N -o '%N %t' 2>/dev/null | grep -c ' idle$')
		[ "$idle" -eq "$nn" ] && break
		sleep 0.2
		i=$((i + 1))
	done
	[ "$idle" -eq "$nn" ] || { CLUSTER_WHY="the nodes did not come up: $(sinfo -N 2>&1 | tr '\n' ' ' | head -c 300)"; return 1; }
	return 0
}
