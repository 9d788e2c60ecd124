// Epoch 0 stands for "never": lastSeen, lastSuccess and profileAt are sort/guard keys and must always be set.
export const NEVER = new Date(0);
